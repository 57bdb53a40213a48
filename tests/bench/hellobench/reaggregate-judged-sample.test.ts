import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checklistWeights } from '../../../src/bench/hellobench/checklist-weights.js';
import { helloEvalScore, paperScale } from '../../../src/bench/hellobench/hello-eval-score.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const judgedFolder = join(root, '../shared/data/real-outputs/hellobench-judged');
const judgedFile = join(judgedFolder, 'gpt4o_0806_heuristic_text_generation_2k_results.jsonl');
const dataFolder = join(root, '../shared/data/hellobench/data');
const present = existsSync(judgedFile) && existsSync(dataFolder);

/**
 * The oracle: HelloBench's published weights for the five categories of its length-constrained
 * set, written out here from the authors' `results/scripts/compute.py` (Quehry/HelloBench at
 * d403282, MIT) independently of quire's table, and its aggregation rule: per task, the sum of
 * `evaluation_score × weight` over `checklist_wise_evaluation` in list order; a task is left
 * out when its id has no category, repeats, has another number of judgements than weights, or a
 * score that is not a number in [0, 1].
 */
const oracleWeights: Record<string, number[]> = {
  story_writing: [
    23.5319284319259, 22.420937450120597, 10.539906363853124, 17.047083302574496,
    26.460144451525895,
  ],
  keyword_writing: [
    16.27370693012242, 27.30111800645728, 15.728682122621054, 18.81389796206547, 21.882594978733778,
  ],
  screenplay_writing: [
    19.822086987393824, 20.973270981524056, 17.095645893112255, 19.56592278203641,
    22.543073355933444,
  ],
  argumentative_writing: [
    18.302865025230115, 24.50501277580138, 20.483643154138807, 14.552018259438853,
    22.15646078539085,
  ],
  roleplaying_writing: [
    18.23837535323756, 22.299189217994243, 12.860964861892231, 19.918295740192793,
    26.683174826683164,
  ],
};

interface JudgedRow {
  id: string;
  checklist_wise_evaluation: Array<{ checklist_id: unknown; evaluation_score: unknown }>;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Per-task scores as the source's aggregation computes them, before its rescaling. */
function oracleScores(rows: JudgedRow[], categoryOf: Map<string, string>): Map<string, number> {
  const scores = new Map<string, number>();
  for (const row of rows) {
    const category = categoryOf.get(row.id);
    if (category === undefined || scores.has(row.id)) continue;
    const weights = oracleWeights[category];
    const levels = row.checklist_wise_evaluation.map((entry) => Number(entry.evaluation_score));
    if (weights === undefined || levels.length !== weights.length) continue;
    if (levels.some((level) => !(level >= 0 && level <= 1))) continue;
    let total = 0;
    for (let index = 0; index < levels.length; index++) {
      total += (levels[index] as number) * (weights[index] as number);
    }
    scores.set(row.id, total);
  }
  return scores;
}

describe.skipIf(!present)(
  'HelloEval re-aggregation of the judged GPT-4o sample (../shared/data/real-outputs/hellobench-judged)',
  () => {
    const rows = present ? readJsonl<JudgedRow>(judgedFile) : [];
    const tasks = present
      ? readJsonl<{ id: string; category: string }>(
          join(dataFolder, 'length_constrained_data/heuristic_text_generation_2k.jsonl'),
        )
      : [];
    const mainTasks = present
      ? readJsonl<{ id: string; category: string }>(
          join(dataFolder, 'main_data/heuristic_text_generation.jsonl'),
        )
      : [];
    // The source takes categories from the main set's file; quire reads the length file's.
    const expected = oracleScores(rows, new Map(mainTasks.map((task) => [task.id, task.category])));
    const categoryOf = new Map(tasks.map((task) => [task.id, task.category]));

    /** quire's path: the judgements keyed by checklist id, its weights, its aggregation. */
    const quire = new Map(
      rows.map((row) => {
        const byId = new Map(
          row.checklist_wise_evaluation.map((entry) => [
            entry.checklist_id,
            entry.evaluation_score as number,
          ]),
        );
        const scores = [...byId.keys()].map((_, id) => byId.get(id) as number);
        const { weights, weighting } = checklistWeights({
          category: categoryOf.get(row.id) ?? '',
          count: scores.length,
        });
        return [row.id, { score: helloEvalScore({ scores, weights }), weighting }] as const;
      }),
    );
    const quireScores = new Map([...quire].map(([id, { score }]) => [id, score]));

    it('scores all 123 answers, each judged on its five checklist items', () => {
      expect(rows).toHaveLength(123);
      expect(expected.size).toBe(123);
      expect(quireScores.size).toBe(123);
      expect([...quire.values()].every(({ weighting }) => weighting === 'published')).toBe(true);
    });

    it('gives every task the score the source’s own aggregation gives', () => {
      for (const [id, score] of expected) {
        expect(quireScores.get(id), id).toBeCloseTo(score, 10);
      }
    });

    it('gives the same run score, on 0–100 and on the paper’s (score − 75) × 4 scale', () => {
      const mean = (values: number[]) =>
        values.reduce((sum, value) => sum + value, 0) / values.length;
      const sourceMean = mean([...expected.values()]);
      const quireMean = mean([...quireScores.values()]);
      expect(quireMean).toBeCloseTo(sourceMean, 10);
      expect(paperScale(quireMean)).toBeCloseTo((sourceMean - 75) * 4, 9);
      // Published weights, not a near-equal fallback: equal weights would give another mean.
      const equal = mean(
        rows.map((row) =>
          row.checklist_wise_evaluation.reduce(
            (sum, entry) => sum + (entry.evaluation_score as number) * 20,
            0,
          ),
        ),
      );
      expect(Math.abs(equal - quireMean)).toBeGreaterThan(0.1);
    });
  },
);
