import pLimit from 'p-limit';
import { askJudge } from '../ask-judge.js';
import type { Finding } from '../finding.js';
import type { Judge } from '../judge.js';
import { unknownRequest } from '../quality/judge-quality.js';
import { CriterionJudgementSchema } from './criterion-judgement-schema.js';
import type { Rubric, RubricCriterion } from './rubric.js';
import type { RubricResult } from './rubric-result-schema.js';

type CriterionResult = RubricResult['criteria'][number];

/**
 * Scores a text against a rubric, WritingBench's way: each criterion from 1 to 10 in its own
 * judge call answering `{ score, reason }`, then the mean of the criteria. Criteria are judged
 * up to `judge.concurrency` at once (4 unless given) and reported in the rubric's order. A
 * reply that stays unusable after the call layer's retries drops its criterion, with a finding,
 * and leaves no mean; an abort, or an error retrying cannot fix, is thrown.
 */
export async function judgeRubric({
  judge,
  rubric,
  text,
  request,
}: {
  judge: Judge;
  rubric: Rubric;
  text: string;
  /** The request the text answers; the rubric's own request (a WritingBench query) unless given. */
  request?: string;
}): Promise<{ rubric: RubricResult; findings: Finding[] }> {
  const limit = pLimit(judge.concurrency ?? 4);
  const criteria = await Promise.all(
    rubric.criteria.map((criterion) =>
      limit(() =>
        judgeCriterion({ judge, criterion, text, request: request ?? rubric.request ?? undefined }),
      ),
    ),
  );
  const dropped = criteria.filter((criterion) => criterion.status === 'dropped');
  const findings: Finding[] = dropped.map((criterion) => ({
    evaluator: 'rubric',
    ruleId: 'rubric/judgement-dropped',
    severity: 'warning',
    message: `The rubric judge ${judge.name} gave no usable score for "${criterion.name}", so the rubric has no mean: ${criterion.reason}`,
  }));
  const score =
    dropped.length > 0
      ? null
      : criteria.reduce((sum, criterion) => sum + (criterion.score ?? 0), 0) / criteria.length;
  return {
    rubric: {
      judge: judge.name,
      format: rubric.format,
      request: rubric.request,
      criteria,
      score,
      dropped: dropped.length,
    },
    findings,
  };
}

async function judgeCriterion({
  judge,
  criterion,
  text,
  request,
}: {
  judge: Judge;
  criterion: RubricCriterion;
  text: string;
  request: string | undefined;
}): Promise<CriterionResult> {
  const answer = await askJudge({
    judge,
    promptName: 'judge-criterion',
    variables: {
      request: request?.trim() || unknownRequest,
      criterion: describeCriterion(criterion),
      document: text,
    },
    schema: CriterionJudgementSchema,
    schemaName: 'criterion_judgement',
  });
  const { name, description, levels } = criterion;
  if (answer.status === 'dropped') {
    return {
      name,
      description,
      levels,
      status: 'dropped',
      score: null,
      reason: answer.error.message,
    };
  }
  const { score, reason } = answer.object;
  return { name, description, levels, status: 'scored', score, reason };
}

/** The criterion as the judge reads it: name, what it asks, and its score bands if any. */
function describeCriterion(criterion: RubricCriterion): string {
  return [
    `Name: ${criterion.name}`,
    `What it asks: ${criterion.description}`,
    ...criterion.levels.map((level) => `Scores ${level.scores}: ${level.meaning}`),
  ].join('\n');
}
