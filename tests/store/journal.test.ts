import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedFileError } from '../../src/errors/damaged-file-error.js';
import { Journal, readJournal } from '../../src/store/journal.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** A journal file holding `text`, in a fresh folder. */
async function journalFile(text: string): Promise<string> {
  const path = join(await tempDir(), 'journal.jsonl');
  await writeFile(path, text);
  return path;
}

describe('readJournal', () => {
  it('reads a missing journal as empty', async () => {
    expect(await readJournal(join(await tempDir(), 'journal.jsonl'))).toEqual([]);
  });

  it('reads every complete line, skipping blank ones and a last line cut short', async () => {
    const path = await journalFile('{"a":1}\n\n  \n{"b":2}\n{"c":');
    expect(await readJournal(path)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it.each(['[1,2]', 'null', '42', '"text"'])(
    'names a line holding %s, which is JSON but no event, with its number',
    async (line) => {
      const path = await journalFile(`{"a":1}\n${line}\n`);
      const error = await readJournal(path).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DamagedFileError);
      expect(error).toMatchObject({ problem: 'notJson', line: 2 });
      expect((error as Error).message).toMatch(/line 2, is not a JSON object/);
    },
  );

  it('refuses a journal that is a link rather than follow it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'elsewhere.jsonl'), '{"a":1}\n');
    await symlink(join(dir, 'elsewhere.jsonl'), join(dir, 'journal.jsonl'));
    await expect(readJournal(join(dir, 'journal.jsonl'))).rejects.toThrow(DamagedFileError);
  });
});

describe('Journal.open', () => {
  it('leaves a journal whose last line is complete as it is', async () => {
    const path = await journalFile('{"a":1}\n{"b":2}\n');
    await (await Journal.open(path)).close();
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
  });

  it('empties a journal that is one cut line, with no line break at all', async () => {
    const path = await journalFile('{"type":"run-sta');
    await (await Journal.open(path)).close();
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('finds the last line break further back than one block read from the end', async () => {
    // A cut line of 200 kB: the break before it lies three 64 kB blocks from the end.
    const kept = '{"a":1}\n{"b":2}\n';
    const path = await journalFile(`${kept}{"text":"${'x'.repeat(200_000)}`);
    const journal = await Journal.open(path);
    await journal.append({ c: 3 });
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe(`${kept}{"c":3}\n`);
  });
});
