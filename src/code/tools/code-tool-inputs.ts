import { z } from 'zod';

/** Input of `list_files`. */
export const ListFilesInput = z.object({
  directory: z
    .string()
    .optional()
    .describe('Folder to list, relative to the project root; the whole project when omitted.'),
});

/** Input of `read_files`. */
export const ReadFilesInput = z.object({
  paths: z
    .array(z.string())
    .min(1)
    .max(20)
    .describe('Files to read, relative to the project root.'),
});

/** Input of `write_files`. */
export const WriteFilesInput = z.object({
  files: z
    .array(
      z.object({
        path: z.string().describe('File path relative to the project root, e.g. src/store.js.'),
        content: z.string().describe('The complete new content of the file.'),
      }),
    )
    .min(1)
    .max(20)
    .describe('Files to create or replace, each with its whole content.'),
});

/** Input of `delete_files`. */
export const DeleteFilesInput = z.object({
  paths: z
    .array(z.string())
    .min(1)
    .max(50)
    .describe('Files to delete, relative to the project root.'),
});

/** Input of `run_tests`. */
export const RunTestsInput = z.object({
  paths: z
    .array(z.string())
    .optional()
    .describe('Test files to run; all test files of the project when omitted.'),
});

/** Input of `step_complete`. */
export const StepCompleteInput = z.object({
  summary: z
    .string()
    .min(1)
    .describe('What this step built: files, functions and behaviour, in a few sentences.'),
});

/** The validated input of `list_files`. */
export type ListFilesInput = z.infer<typeof ListFilesInput>;
/** The validated input of `read_files`. */
export type ReadFilesInput = z.infer<typeof ReadFilesInput>;
/** The validated input of `write_files`. */
export type WriteFilesInput = z.infer<typeof WriteFilesInput>;
/** The validated input of `delete_files`. */
export type DeleteFilesInput = z.infer<typeof DeleteFilesInput>;
/** The validated input of `run_tests`. */
export type RunTestsInput = z.infer<typeof RunTestsInput>;
/** The validated input of `step_complete`. */
export type StepCompleteInput = z.infer<typeof StepCompleteInput>;
