import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../src/evaluators/evaluate-document.js';
import { writeReportFile } from '../../src/evaluators/write-report-file.js';
import { useTempDir } from '../helpers/temp-dir.js';

describe('writeReportFile', () => {
  const makeDirectory = useTempDir();

  it('writes the report as JSON, creating folders, leaving no temporary file', async () => {
    const directory = await makeDirectory();
    const report = await evaluateDocument({ text: 'A short note about tides.' });
    const path = join(directory, 'nested', 'report.json');
    await writeReportFile({ path, report });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(report);
    expect(await readdir(join(directory, 'nested'))).toEqual(['report.json']);
  });

  it('refuses a report that does not match the schema', async () => {
    const directory = await makeDirectory();
    const report = await evaluateDocument({ text: 'Text.' });
    await expect(
      writeReportFile({ path: join(directory, 'r.json'), report: { ...report, words: -1 } }),
    ).rejects.toThrow();
    expect(await readdir(directory)).toEqual([]);
  });
});
