import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRepetition } from '../../../src/evaluators/repetition/evaluate-repetition.js';
import { ReportSchema } from '../../../src/evaluators/report-schema.js';
import { runMain } from '../../bench/helpers/run-main.js';
import { realOutputs } from '../../helpers/real-outputs.js';
import { useTempDir } from '../../helpers/temp-dir.js';

const tempDir = useTempDir();
const repetition = realOutputs('repetition');

interface Labelled {
  id: string;
  file: string;
  degenerate: boolean;
  kind: string;
}

const labelled = async () =>
  (JSON.parse(await readFile(repetition.path('labels.json'), 'utf8')) as { texts: Labelled[] })
    .texts;

describe.skipIf(!repetition.present)(
  'repetition on labelled real outputs (../shared/data/real-outputs/repetition)',
  () => {
    it('gives every degenerate text an error and no clean text one', async () => {
      const texts = await labelled();
      expect(texts).toHaveLength(12);
      for (const text of texts) {
        const { findings } = evaluateRepetition({
          text: await readFile(repetition.path(text.file), 'utf8'),
        });
        const errors = findings.filter((finding) => finding.severity === 'error');
        expect(errors.length > 0, `${text.id}: ${errors.map((each) => each.ruleId)}`).toBe(
          text.degenerate,
        );
      }
    }, 120_000);

    it('quire eval writes the same verdict into each report', async () => {
      const cwd = await tempDir();
      for (const text of await labelled()) {
        const file = join(cwd, `${text.id}.md`);
        await writeFile(file, await readFile(repetition.path(text.file)));
        const result = await runMain({ argv: ['eval', file, '--json'], cwd });
        expect(result.code, result.stderr).toBe(0);
        const report = ReportSchema.parse(
          JSON.parse(await readFile(`${file}.report.json`, 'utf8')),
        );
        const degenerate = report.findings.some(
          (finding) => finding.evaluator === 'repetition' && finding.severity === 'error',
        );
        expect(degenerate, text.id).toBe(text.degenerate);
      }
    }, 180_000);
  },
);
