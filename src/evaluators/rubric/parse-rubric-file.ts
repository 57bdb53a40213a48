import { limits } from '../../config/limits.js';
import { InputFileError } from '../../errors/input-file-error.js';
import { describeSchemaIssue } from '../../util/describe-schema-issue.js';
import { parseJsonText } from '../../util/parse-json-text.js';
import type { Rubric } from './rubric.js';
import {
  QuireRubricSchema,
  WritingBenchItemSchema,
  writingBenchBands,
} from './rubric-file-schema.js';

/**
 * Parses the text of a rubric file (JSON): a WritingBench item (`query` and `checklist`) as it
 * is, or quire's own `{ "request"?, "criteria": [...] }`. Throws `InputFileError` naming the
 * file and the first problem: not JSON, no criteria, a criterion without text, more criteria
 * than `limits.rubricCriteria`. Pure.
 */
export function parseRubricFile({ text, file }: { text: string; file: string }): Rubric {
  const value = parseJsonText({ text, file, what: 'Rubric file' });
  const refuse = (problem: string) =>
    new InputFileError({
      message: `Rubric file ${file} is not usable: ${problem}.`,
      file,
      problem: 'invalidContent',
    });
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const key = 'checklist' in record ? 'checklist' : 'criteria' in record ? 'criteria' : undefined;
  const list = key === undefined ? undefined : (record as Record<string, unknown>)[key];
  if (!Array.isArray(list) || list.length === 0) {
    throw refuse(
      'it has no criteria: give a non-empty "criteria" list (quire\'s format) or a WritingBench item with its "checklist"',
    );
  }
  if (list.length > limits.rubricCriteria) {
    throw refuse(
      `it has ${list.length} criteria, more than the ${limits.rubricCriteria} quire judges in one rubric (each is a judge call); split it into several rubrics`,
    );
  }
  if (key === 'checklist') {
    const parsed = WritingBenchItemSchema.safeParse(value);
    if (!parsed.success) throw refuse(describeSchemaIssue(parsed.error.issues[0]!));
    return {
      format: 'writingbench',
      request: parsed.data.query ?? null,
      criteria: parsed.data.checklist.map((criterion) => ({
        name: criterion.name,
        description: criterion.criteria_description,
        levels: writingBenchBands.flatMap((band) => {
          const meaning = (criterion as Record<string, string | undefined>)[band]?.trim();
          return meaning ? [{ scores: band, meaning }] : [];
        }),
      })),
    };
  }
  const parsed = QuireRubricSchema.safeParse(value);
  if (!parsed.success) throw refuse(describeSchemaIssue(parsed.error.issues[0]!));
  return {
    format: 'quire',
    request: parsed.data.request ?? null,
    criteria: parsed.data.criteria.map((criterion, index) => ({
      name: criterion.name ?? `Criterion ${index + 1}`,
      description: criterion.description,
      levels: [],
    })),
  };
}
