import type { RubricResult } from './rubric-result-schema.js';

/**
 * The rubric block of the terminal summary: the mean, then each criterion in the rubric's order
 * with its score and the judge's reason on one line. Pure.
 */
export function formatRubricLines(rubric: RubricResult): string[] {
  const source = rubric.format === 'writingbench' ? 'a WritingBench item' : 'a quire rubric';
  const mean = rubric.score === null ? '— (a criterion was dropped)' : rubric.score.toFixed(2);
  return [
    `rubric: mean ${mean} of 10 over ${rubric.criteria.length} criteria (${source}; judge ${rubric.judge})`,
    ...rubric.criteria.map(
      (criterion) =>
        `  ${criterion.score === null ? ' —' : String(criterion.score).padStart(2)}  ${criterion.name}: ${oneLine(criterion.reason)}`,
    ),
  ];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
