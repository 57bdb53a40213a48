import { describe, expect, it } from 'vitest';
import * as quire from '../../src/index.js';

describe('the evaluators in the public API', () => {
  it('exports every evaluator entry point', () => {
    const expected = [
      'countWords',
      'lengthScore',
      'lengthBucket',
      'evaluateLength',
      'evaluateDocument',
      'ReportSchema',
      'FindingSchema',
      'evaluateRepetition',
      'ngramOverlap',
      'compressionRatio',
      'nearDuplicateParagraphs',
      'lateCollapse',
      'evaluateConstraints',
      'ConstraintFileSchema',
      'parseConstraintFile',
      'readConstraintFile',
      'expandConstraints',
      'segmentDocument',
      'matchEvent',
      'decideChecks',
      'scoreConstraints',
      'constraintLeakage',
      'convertSgtItem',
      'parseSgtDataset',
      'readSgtDataset',
      'judgeQuality',
      'qualityScore',
      'judgeConstraint',
      'readEvaluationTarget',
      'writeReportFile',
      'formatReportSummary',
      'renderPrompt',
      'parsePromptTemplate',
    ];
    for (const name of expected)
      expect(typeof (quire as Record<string, unknown>)[name], name).not.toBe('undefined');
  });
});
