import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunDirectoryError } from '../../src/errors/run-directory-error.js';
import { StoreError } from '../../src/errors/store-error.js';
import { Journal, readJournal } from '../../src/store/journal.js';
import { RunStore, readRunInfo } from '../../src/store/run-store.js';
import { writeFileAtomic } from '../../src/store/write-file-atomic.js';
import { makeReadOnly } from '../helpers/read-only-dir.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFileAtomic({ path, data: 'one' });
    await writeFileAtomic({ path, data: 'two' });
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('fails with a StoreError that says what to do when the folder is read-only', async () => {
    const dir = await tempDir();
    const undo = await makeReadOnly(dir);
    const error = await writeFileAtomic({ path: join(dir, 'x'), data: 'x' }).catch((e) => e);
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
