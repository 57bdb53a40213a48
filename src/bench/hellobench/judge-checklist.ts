import { askJudge } from '../../evaluators/ask-judge.js';
import type { Judge } from '../../evaluators/judge.js';
import { checklistJudgementSchema } from './checklist-judgement-schema.js';
import { checklistWeights } from './checklist-weights.js';
import type { HelloEvalResult } from './hello-eval-result-schema.js';
import { helloEvalScore } from './hello-eval-score.js';

/**
 * HelloEval for one answer: a single judge call rates every item of the task's checklist on
 * the five levels with a reason each, and the levels are combined with the category's weights
 * (`checklistWeights`) into a 0–100 score. A reply missing an item, adding one, or using a
 * level off the scale is unusable and retried by the call layer; when every attempt fails the
 * judgement is `dropped`, with its reason, never silently skipped. An abort, or an error no
 * retry can fix (bad credentials, unknown model), is thrown.
 */
export async function judgeChecklist({
  judge,
  instruction,
  response,
  checklist,
  category,
}: {
  judge: Judge;
  instruction: string;
  response: string;
  /** The checklist questions, in order; their ids are their positions. */
  checklist: readonly string[];
  category: string;
}): Promise<HelloEvalResult> {
  const { weights, weighting } = checklistWeights({ category, count: checklist.length });
  const answer = await askJudge({
    judge,
    promptName: 'judge-checklist',
    variables: {
      instruction,
      response,
      checklist: checklist.map((question, id) => `${id}. ${question}`).join('\n'),
      count: checklist.length,
      format: `{${checklist.map((_, id) => `"${id}": {"reason": "…", "score": n}`).join(', ')}}`,
    },
    schema: checklistJudgementSchema(checklist.length),
    schemaName: 'checklist_judgement',
  });
  const { name } = judge;
  if (answer.status === 'dropped') {
    const reason = answer.error.message;
    return { judge: name, status: 'dropped', weighting, score: null, items: null, reason };
  }
  const items = checklist.map((question, id) => {
    const verdict = answer.object[String(id)]!;
    return { id, question, reason: verdict.reason, score: verdict.score, weight: weights[id]! };
  });
  const score = helloEvalScore({ scores: items.map((item) => item.score), weights });
  return { judge: name, status: 'scored', weighting, score, items, reason: null };
}
