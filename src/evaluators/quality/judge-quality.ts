import { askJudge } from '../ask-judge.js';
import type { Finding } from '../finding.js';
import type { Judge } from '../judge.js';
import { QualityJudgementSchema, qualityDimensions } from './quality-judgement-schema.js';
import type { QualityResult } from './quality-result-schema.js';
import { qualityScore } from './quality-score.js';

/** Stands in for the request when the document's request is not known. */
export const unknownRequest =
  '(The request is not known. Grade relevance by how well the document serves the purpose its own title and opening announce.)';

/**
 * Asks the judge for the six ratings and turns them into S_q. A reply that is not the
 * requested JSON is retried by the call layer; when every attempt fails the judgement is
 * `dropped`, reported with its reason and a finding, never silently skipped. An abort, or an
 * error retrying cannot fix (bad credentials, unknown model), is thrown.
 */
export async function judgeQuality({
  judge,
  text,
  request,
}: {
  judge: Judge;
  text: string;
  /** The writing request the text answers, when known. */
  request?: string;
}): Promise<{ quality: QualityResult; findings: Finding[] }> {
  const answer = await askJudge({
    judge,
    promptName: 'judge-quality',
    variables: { request: request?.trim() || unknownRequest, document: text },
    schema: QualityJudgementSchema,
    schemaName: 'quality_judgement',
  });
  const { name } = judge;
  if (answer.status === 'scored') {
    const { object } = answer;
    const { score, dimensions } = qualityScore({ judgements: [object] });
    const ratings = Object.fromEntries(
      qualityDimensions.map((dimension) => [dimension, object[dimension]]),
    );
    return {
      quality: {
        judge: name,
        status: 'scored',
        score,
        ratings: ratings as QualityResult['ratings'],
        dimensions,
        analysis: object.analysis,
        reason: null,
      },
      findings: [],
    };
  }
  const { error } = answer;
  return {
    quality: {
      judge: name,
      status: 'dropped',
      score: null,
      ratings: null,
      dimensions: null,
      analysis: null,
      reason: error.message,
    },
    findings: [
      {
        evaluator: 'quality',
        ruleId: 'quality/judgement-dropped',
        severity: 'warning',
        message: `The quality judge ${name} gave no usable judgement after ${error.attempts} attempt(s), so there is no S_q: ${error.message}`,
      },
    ],
  };
}
