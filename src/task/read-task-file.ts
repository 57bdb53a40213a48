import { z } from 'zod';
import { limits } from '../config/limits.js';
import { InputFileError } from '../errors/input-file-error.js';
import { ConstraintFileSchema } from '../evaluators/constraints/constraint-file-schema.js';
import { describeIssue, readJsonFile } from '../util/read-json-file.js';
import { RequirementSchema, type TaskInput } from './task-schema.js';

/** What a --task file may hold: the request and, optionally, how to write it. */
const TaskFileSchema = z
  .object({
    prompt: z.string().trim().min(1, 'the request is empty'),
    words: z.int().positive().max(limits.words).optional(),
    lang: z.string().min(2).optional(),
    title: z.string().min(1).optional(),
    requirements: z.array(RequirementSchema).optional(),
    constraints: ConstraintFileSchema.optional(),
  })
  .strict();

/** Reads and validates a --task file. */
export async function readTaskFile({
  path,
  cwd,
}: {
  path: string;
  cwd: string;
}): Promise<Partial<TaskInput> & { prompt: string }> {
  const value = await readJsonFile({ path, cwd, what: 'task file' });
  const result = TaskFileSchema.safeParse(value);
  if (!result.success) {
    throw new InputFileError({
      message: `The task file ${path} is not a valid task (${describeIssue(result.error.issues[0])}): it needs {"prompt": "…"} and may have words, lang, title, requirements, constraints.`,
      file: path,
      problem: 'invalidContent',
    });
  }
  return result.data;
}
