import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DamagedFileError } from '../../src/errors/damaged-file-error.js';
import { RunDirectoryError } from '../../src/errors/run-directory-error.js';
import {
  RunStore,
  readRunInfo,
  readRunKind,
  readRunPlan,
  readRunText,
  readRunThinking,
  runFiles,
  sectionName,
} from '../../src/store/run-store.js';
import { createPlan } from '../helpers/builders.js';
import { makeReadOnly } from '../helpers/read-only-dir.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();

/** A run store opened in a fresh folder, closed after `use`. */
async function withStore(use: (store: RunStore) => Promise<void>): Promise<string> {
  const dir = join(await tempDir(), 'run');
  const store = await RunStore.open(dir);
  try {
    await use(store);
  } finally {
    await store.close();
  }
  return dir;
}

describe('sectionName', () => {
  it('numbers from 001 in plan order and keeps more digits past 999', () => {
    expect(sectionName({ index: 0, slug: 'intro' })).toBe('001-intro');
    expect(sectionName({ index: 41, slug: 'x' })).toBe('042-x');
    expect(sectionName({ index: 1_234, slug: 'x' })).toBe('1235-x');
  });
});

describe('RunStore files', () => {
  it('writes the plan and ledger as pretty JSON with a final newline, and reads them back', async () => {
    const plan = createPlan({ count: 2 });
    const ledger = { facts: ['The tide turns twice a day.'] };
    const dir = await withStore(async (store) => {
      expect(await store.readPlan()).toBeUndefined();
      expect(await store.readLedger(z.object({ facts: z.array(z.string()) }))).toBeUndefined();
      await store.writePlan(plan);
      await store.writeLedger(ledger);
      expect(await store.readPlan()).toEqual(plan);
      expect(await store.readLedger(z.object({ facts: z.array(z.string()) }))).toEqual(ledger);
    });
    expect(await readFile(join(dir, runFiles.plan), 'utf8')).toBe(
      `${JSON.stringify(plan, null, 2)}\n`,
    );
    expect(await readRunPlan(dir)).toEqual(plan);
  });

  it('reports a ledger that does not match its schema as damaged', async () => {
    const dir = await withStore(async (store) => store.writeLedger({ facts: 'not a list' }));
    const store = await RunStore.open(dir);
    const error = await store.readLedger(z.object({ facts: z.array(z.string()) })).catch((e) => e);
    await store.close();
    expect(error).toBeInstanceOf(RunDirectoryError);
    expect(error.problem).toBe('corrupt');
    expect(error.message).toContain(`${join(dir, 'ledger.json')} is damaged (facts: `);
  });

  it('keeps thinking beside the sections, the plan first and then in plan order', async () => {
    const dir = await withStore(async (store) => {
      expect(await store.writeThinking({ name: '010-late', text: 'ten' })).toBe(
        join('thinking', '010-late.md'),
      );
      await store.writeThinking({ name: '002-second', text: 'two' });
      await store.writeThinking({ name: 'plan', text: 'outline' });
      await store.writeSection({ index: 1, slug: 'second', text: 'Section two.' });
    });
    await writeFile(join(dir, 'thinking', 'notes.txt'), 'not thinking');
    expect(await readRunThinking(dir)).toEqual([
      { name: 'plan', text: 'outline' },
      { name: '002-second', text: 'two' },
      { name: '010-late', text: 'ten' },
    ]);
    expect(await readdir(join(dir, 'sections'))).toEqual(['002-second.md']);
  });

  it('has no thinking to read in a run that never thought', async () => {
    const dir = await withStore(async () => {});
    expect(await readRunThinking(dir)).toEqual([]);
  });

  it('writes text files and reads back the journal it appended', async () => {
    const dir = await withStore(async (store) => {
      await store.writeText(runFiles.document, '# Tides\n');
      await store.journal.append({ type: 'run-start' });
      expect(await store.readEvents()).toEqual([expect.objectContaining({ type: 'run-start' })]);
      expect(store.path('x.md')).toBe(join(store.directory, 'x.md'));
    });
    expect(await readFile(join(dir, 'document.md'), 'utf8')).toBe('# Tides\n');
  });

  it('says what to do when the run directory cannot be created', async () => {
    const parent = await tempDir();
    const undo = await makeReadOnly(parent);
    const error = await RunStore.open(join(parent, 'run')).catch((e) => e);
    await undo();
    expect(error).toBeInstanceOf(RunDirectoryError);
    expect(error).toMatchObject({ problem: 'notWritable', directory: join(parent, 'run') });
    expect(error.message).toMatch(/\((EACCES|EPERM)\): choose a writable --out\.$/);
  });
});

describe('readRunKind and readRunInfo', () => {
  it('reads a run without a task kind as prose, and one with none at all as no run', async () => {
    const dir = await tempDir();
    expect(await readRunKind(dir)).toBeUndefined();
    await writeFile(join(dir, 'run.json'), JSON.stringify({ version: 1 }));
    expect(await readRunKind(dir)).toBe('prose');
  });

  it('sends a code run to the commands that continue it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'run.json'), JSON.stringify({ version: 1, task: { kind: 'code' } }));
    expect(await readRunKind(dir)).toBe('code');
    const error = await readRunInfo(dir).catch((e) => e);
    expect(error).toMatchObject({ problem: 'notARun' });
    expect(error.message).toBe(
      `${dir} holds a quire code run: continue it with quire resume or quire code --out.`,
    );
  });

  it('names the file and the reason when run.json is not JSON', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'run.json'), '{"version": 1, ');
    const error = await readRunKind(dir).catch((e) => e);
    expect(error.message).toMatch(/run\.json is damaged \(.+\): restore it or start a new run\.$/);
  });
});

describe('readRunText', () => {
  it('reads UTF-8 text and refuses bytes that are not text', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ok.md'), 'Gezeiten – Ebbe und Flut');
    expect(await readRunText({ path: join(dir, 'ok.md'), maxBytes: 1_000 })).toBe(
      'Gezeiten – Ebbe und Flut',
    );
    await writeFile(join(dir, 'bad.md'), Buffer.from([0x41, 0x00, 0x42]));
    const error = await readRunText({ path: join(dir, 'bad.md'), maxBytes: 1_000 }).catch((e) => e);
    expect(error).toBeInstanceOf(DamagedFileError);
    expect(error.message).toContain('is not UTF-8 text');
  });

  it('refuses a file larger than its limit', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'big.md'), 'x'.repeat(100));
    await expect(readRunText({ path: join(dir, 'big.md'), maxBytes: 10 })).rejects.toBeInstanceOf(
      DamagedFileError,
    );
  });
});
