import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTextLines, type TextLine } from '../../src/util/read-text-lines.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'quire-text-lines-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function collect(lines: AsyncIterable<TextLine>): Promise<TextLine[]> {
  const all: TextLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

async function fileOf(name: string, content: string | Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

describe('readTextLines', () => {
  it('yields each line with its number, CRLF or LF, dropping a byte-order mark', async () => {
    const path = await fileOf('plain.txt', '\uFEFFone\r\ntwo\n\nfour\n');
    expect(await collect(readTextLines(path))).toEqual([
      { line: 1, text: 'one', terminated: true },
      { line: 2, text: 'two', terminated: true },
      { line: 3, text: '', terminated: true },
      { line: 4, text: 'four', terminated: true },
    ]);
  });

  it('marks a last line with no line break after it as not terminated', async () => {
    const path = await fileOf('cut.txt', 'whole\ncut off');
    const lines = await collect(readTextLines(path));
    expect(lines.map((line) => line.terminated)).toEqual([true, false]);
    expect(lines[1]?.text).toBe('cut off');
  });

  it('says which line holds a NUL byte, and with strictText a byte that is not UTF-8', async () => {
    const path = await fileOf(
      'binary.txt',
      Buffer.concat([Buffer.from('ok\nbad'), Buffer.from([0xff]), Buffer.from('\nnul\0\n')]),
    );
    const loose = await collect(readTextLines(path));
    expect(loose[1]?.notText).toBeUndefined();
    expect(loose[2]?.notText).toBe('a NUL byte at column 4 (binary data)');
    const strict = await collect(readTextLines(path, { strictText: true }));
    expect(strict[1]).toEqual({
      line: 2,
      text: '',
      terminated: true,
      notText: 'a byte that is not UTF-8',
    });
  });

  it('reads a file of many chunks whole, characters split across chunks intact', async () => {
    // 3-byte characters on 1000-character lines: 64 KB chunk edges fall inside characters and
    // lines, which the streamed decoder must join.
    const line = '字'.repeat(1000);
    const path = await fileOf('large.txt', `${line}\n`.repeat(3000));
    let count = 0;
    for await (const each of readTextLines(path, { strictText: true })) {
      count++;
      expect(each).toEqual({ line: count, text: line, terminated: true });
    }
    expect(count).toBe(3000);
  });

  it('yields the first line before reading the rest, and stops reading when left early', async () => {
    const path = await fileOf('early.txt', 'first\n'.repeat(200_000));
    const reader = readTextLines(path);
    expect((await reader.next()).value).toEqual({ line: 1, text: 'first', terminated: true });
    await reader.return(undefined);
    expect((await reader.next()).done).toBe(true);
  });

  it('hands a missing file, a folder or a refused link to `refuse`', async () => {
    const refusals: string[] = [];
    const refuse = (refused: { problem: string }) => {
      refusals.push(refused.problem);
      return new Error(refused.problem);
    };
    const target = await fileOf('target.txt', 'a\n');
    await symlink(target, join(folder, 'link.txt'));
    for (const path of [join(folder, 'none.txt'), folder, join(folder, 'link.txt')]) {
      await expect(collect(readTextLines(path, { followLinks: false, refuse }))).rejects.toThrow();
    }
    expect(refusals).toEqual(['missing', 'directory', 'symlink']);
  });
});
