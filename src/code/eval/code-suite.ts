import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { InputFileError } from '../../errors/input-file-error.js';
import { CodeSettingsSchema } from '../code-settings.js';

/** An evaluation suite of code tasks (`evals/l2mac-*.json`). */
export const CodeSuiteSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    data: z
      .string()
      .min(1)
      .describe('Folder of the task files, relative to the repository (or package) root.'),
    tasks: z
      .array(
        z
          .object({
            id: z.string().min(1),
            title: z.string().min(1),
            spec: z
              .string()
              .min(1)
              .describe('The specification given to `quire code --task`, relative to `data`.'),
            checklist: z
              .string()
              .min(1)
              .describe('The checklist for Features %, relative to `data`.'),
            items: z
              .int()
              .positive()
              .describe('Checklist items the file holds, checked when the data is present.'),
            reference: z
              .object({ source: z.string(), featuresPercent: z.record(z.string(), z.number()) })
              .optional()
              .describe('Published results on the task, for comparison.'),
          })
          .strict(),
      )
      .min(1),
    settings: CodeSettingsSchema.partial().describe(
      'Code-mode settings of every run in the suite.',
    ),
    thresholds: z
      .object({
        featuresPercent: z
          .number()
          .min(0)
          .max(100)
          .describe('Least Features % for a task to pass.'),
        testsPassRate: z
          .number()
          .min(0)
          .max(1)
          .describe('Least share of the generated tests that must pass.'),
        syntaxErrors: z.int().min(0).describe('Most syntax errors allowed.'),
      })
      .strict()
      .describe("quire's own pass bar for the suite (not the paper's)."),
  })
  .strict();

/** A parsed suite file. */
export type CodeSuite = z.infer<typeof CodeSuiteSchema>;

/** A suite with its task files resolved, and whether the data is there to run it. */
export interface LoadedCodeSuite {
  suite: CodeSuite;
  dataDirectory: string;
  dataPresent: boolean;
  tasks: Array<{ id: string; specFile: string; checklistFile: string; items: number }>;
}

/**
 * Reads a suite file and resolves its task files against `root` (the repository root, where
 * `../shared/data/...` paths start). A missing data folder is reported by `dataPresent`, so a
 * runner can skip with a clear message instead of failing; a malformed suite file throws.
 */
export async function loadCodeSuite({
  file,
  root = resolve(dirname(file), '..'),
}: {
  file: string;
  root?: string;
}): Promise<LoadedCodeSuite> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputFileError({
      message: `Suite file ${file} cannot be read as JSON: ${(error as Error).message}.`,
      file,
      problem: 'invalidJson',
      cause: error,
    });
  }
  const checked = CodeSuiteSchema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new InputFileError({
      message: `Suite file ${file} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`,
      file,
      problem: 'invalidContent',
    });
  }
  const suite = checked.data;
  const dataDirectory = isAbsolute(suite.data) ? suite.data : resolve(root, suite.data);
  return {
    suite,
    dataDirectory,
    dataPresent: existsSync(dataDirectory),
    tasks: suite.tasks.map((task) => ({
      id: task.id,
      specFile: join(dataDirectory, task.spec),
      checklistFile: join(dataDirectory, task.checklist),
      items: task.items,
    })),
  };
}
