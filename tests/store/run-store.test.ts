import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedFileError } from '../../src/errors/damaged-file-error.js';
import { RunDirectoryError } from '../../src/errors/run-directory-error.js';
import { StoreError } from '../../src/errors/store-error.js';
import { Journal, readJournal } from '../../src/store/journal.js';
import { RunStore, readRunInfo, readRunKind, readRunSections } from '../../src/store/run-store.js';
import { writeOutputFile } from '../../src/store/write-output-file.js';
import { makeReadOnly } from '../helpers/read-only-dir.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('writeOutputFile', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeOutputFile({ path, data: 'one' });
    await writeOutputFile({ path, data: 'two' });
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('fails with a StoreError that says what to do when the folder is read-only', async () => {
    const dir = await tempDir();
    const undo = await makeReadOnly(dir);
    const error = await writeOutputFile({ path: join(dir, 'x'), data: 'x' }).catch((e) => e);
    await undo();
    expect(error).toBeInstanceOf(StoreError);
    expect(error.message).toMatch(
      /\((EACCES|EPERM)\): make the run directory writable, then resume/,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('Journal', () => {
  it('appends one JSON line per event, in order, even when called concurrently', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    const journal = await Journal.open(path);
    await Promise.all(Array.from({ length: 50 }, (_, index) => journal.append({ index })));
    await journal.close();
    const events = await readJournal(path);
    expect(events.map((event) => event.index)).toEqual(
      Array.from({ length: 50 }, (_, index) => index),
    );
  });

  it('drops a last line cut by a crash before appending again', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    await writeFile(path, '{"a":1}\n{"b":');
    const journal = await Journal.open(path);
    await journal.append({ c: 3 });
    await journal.close();
    expect(await readFile(path, 'utf8')).toBe('{"a":1}\n{"c":3}\n');
  });
});

describe('readRunInfo', () => {
  it('refuses a directory that is not a run', async () => {
    const dir = await tempDir();
    const error = await readRunInfo(dir).catch((e) => e);
    expect(error).toBeInstanceOf(RunDirectoryError);
    expect(error).toMatchObject({ problem: 'notARun', category: 'input' });
    expect(error.message).toContain('is not a quire run');
  });

  it('refuses a run written by a newer quire', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'run.json'), JSON.stringify({ version: 99 }));
    const error = await readRunInfo(dir).catch((e) => e);
    expect(error).toMatchObject({ problem: 'newerFormat' });
    expect(error.message).toContain('upgrade quire');
  });

  it('reports a damaged run.json with the reason', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'run.json'), '{"version": 1, ');
    expect(await readRunInfo(dir).catch((e) => e)).toMatchObject({ problem: 'corrupt' });
  });
});

describe('RunStore', () => {
  it('stores sections in plan order and reads them back', async () => {
    const dir = join(await tempDir(), 'run');
    const store = await RunStore.open(dir);
    await store.writeSection({ index: 1, slug: 'second', text: 'B' });
    await store.writeSection({ index: 0, slug: 'first', text: 'A' });
    expect(await store.readSections()).toEqual([
      { index: 0, file: join('sections', '001-first.md'), text: 'A' },
      { index: 1, file: join('sections', '002-second.md'), text: 'B' },
    ]);
    await store.close();
  });

  it('removes temporary files left by a crash when it opens', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'sections'));
    await writeFile(join(dir, 'sections', '003-x.md.1a2b3c4d.partial'), 'half');
    await writeFile(join(dir, 'plan.json.00ff00ff.partial'), '{');
    const store = await RunStore.open(dir);
    await store.close();
    expect(await readdir(join(dir, 'sections'))).toEqual([]);
    expect(await readdir(dir)).toEqual(['journal.jsonl', 'sections']);
  });
});

describe('a run read back as untrusted', () => {
  async function runWithSection(): Promise<string> {
    const dir = await tempDir();
    await mkdir(join(dir, 'sections'));
    await writeFile(join(dir, 'sections', '001-intro.md'), 'Tides rise.');
    return dir;
  }

  it('never follows a section replaced by a symbolic link', async () => {
    const dir = await runWithSection();
    await rm(join(dir, 'sections', '001-intro.md'));
    await symlink('/etc/passwd', join(dir, 'sections', '001-intro.md'));
    const error = await readRunSections(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DamagedFileError);
    expect((error as DamagedFileError).message).toBe(
      `${join(dir, 'sections', '001-intro.md')} is a symbolic link, which quire does not follow inside its own folders: replace it with the file itself.`,
    );
  });

  it('refuses a sections folder that is a link or a file', async () => {
    const linked = await tempDir();
    await symlink(await runWithSection(), join(linked, 'sections'));
    await expect(readRunSections(linked)).rejects.toThrow(/sections is a symbolic link/);
    const file = await tempDir();
    await writeFile(join(file, 'sections'), 'x');
    await expect(readRunSections(file)).rejects.toThrow(/sections is not a folder/);
  });

  it('refuses a run.json that is a FIFO, a folder or a link, instead of blocking or following it', async () => {
    const fifo = await tempDir();
    execFileSync('mkfifo', [join(fifo, 'run.json')]);
    await expect(readRunInfo(fifo)).rejects.toThrow(/run\.json is a FIFO, not a regular file/);
    const folder = await tempDir();
    await mkdir(join(folder, 'run.json'));
    await expect(readRunInfo(folder)).rejects.toThrow(/run\.json is a directory, not a file/);
    const linked = await tempDir();
    await symlink('/etc/hostname', join(linked, 'run.json'));
    await expect(readRunInfo(linked)).rejects.toThrow(/run\.json is a symbolic link/);
  });

  it('names a journal line that is not JSON, with its number', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    await writeFile(path, '{"type":"run-start"}\ngarbage\n{"type":"run-end"}\n');
    const error = await readJournal(path).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ problem: 'notJson', line: 2 });
    expect((error as Error).message).toMatch(/journal\.jsonl, line 2, is not JSON/);
  });

  it('refuses to append to a journal that is a folder or a link', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'journal.jsonl'));
    await expect(Journal.open(join(dir, 'journal.jsonl'))).rejects.toThrow(
      /journal\.jsonl is a directory, not a file/,
    );
    const target = join(dir, 'elsewhere.txt');
    await writeFile(target, 'keep\n');
    await symlink(target, join(dir, 'linked.jsonl'));
    await expect(Journal.open(join(dir, 'linked.jsonl'))).rejects.toThrow(/symbolic link/);
    expect(await readFile(target, 'utf8')).toBe('keep\n');
  });

  it('says a run path that is a file cannot be a run directory', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file'), 'x');
    await expect(readRunKind(join(dir, 'file'))).rejects.toMatchObject({
      problem: 'badPath',
      message: expect.stringMatching(/file cannot be a run directory: .*\(ENOTDIR\)/),
    });
  });
});
