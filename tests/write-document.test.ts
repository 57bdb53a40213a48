import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords } from '../src/evaluators/count-words.js';
import { writeDocument } from '../src/write-document.js';
import { useTempDir } from './helpers/temp-dir.js';

const tempDir = useTempDir();

describe('writeDocument (the README example)', () => {
  it('writes a document on the simulated model, reviewed by default, and resumes the same directory', async () => {
    const directory = join(await tempDir(), 'tides');
    const events: string[] = [];
    const result = await writeDocument({
      request: 'Write a 3,000-word guide to tides',
      model: 'sim',
      directory,
      onEvent: (event) => events.push(event.type),
    });
    expect(result.directory).toBe(directory);
    expect(result.info.task.words).toBe(3_000);
    expect(Math.abs(result.words - 3_000) / 3_000).toBeLessThan(0.1);
    expect(result.report.scores.length).toBeGreaterThan(90);
    expect(await readFile(join(directory, 'document.md'), 'utf8')).toBe(result.document);
    expect(countWords(result.document)).toBeGreaterThan(2_700);
    // The default is the good-document setting: the whole document is reviewed.
    expect(result.info.config).toMatchObject({ write: { quality: 'standard' } });
    expect(result.info.stages?.review?.calls).toBeGreaterThan(0);
    expect(events[0]).toBe('run-start');
    expect(events.at(-1)).toBe('run-end');

    const again = await writeDocument({ request: 'ignored: the run keeps its task', directory });
    expect(again.info.task.prompt).toBe('Write a 3,000-word guide to tides');
    expect(again.document).toBe(result.document);
    expect(again.info.usage.calls).toBe(result.info.usage.calls);
  });
});
