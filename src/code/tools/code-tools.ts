import { tool } from 'ai';
import {
  DeleteFilesInput,
  ListFilesInput,
  ReadFilesInput,
  RunTestsInput,
  StepCompleteInput,
  WriteFilesInput,
} from './code-tool-inputs.js';

/**
 * The six tools of a code step, as the model sees them: names, descriptions and input schemas,
 * without `execute`. quire runs each call itself (`executeCodeTool`) so it can gate
 * `step_complete` on the checks, count turns and spot repeated calls.
 */
export const codeTools = {
  list_files: tool({
    description: 'List the files of the project (or of one folder) with their sizes in characters.',
    inputSchema: ListFilesInput,
  }),
  read_files: tool({
    description:
      'Read the full text of one or more files. Output is capped per call; read fewer files if it is cut.',
    inputSchema: ReadFilesInput,
  }),
  write_files: tool({
    description:
      'Create or replace files, each with its complete content. Folders are created as needed.',
    inputSchema: WriteFilesInput,
  }),
  delete_files: tool({
    description: 'Delete files from the project.',
    inputSchema: DeleteFilesInput,
  }),
  run_tests: tool({
    description:
      "Run the project's tests (node:test) and report passes, failures and their output.",
    inputSchema: RunTestsInput,
  }),
  step_complete: tool({
    description:
      'Declare the current step done. Runs the checks (syntax of the files you wrote, all tests); if they fail you get the problems back and the step goes on.',
    inputSchema: StepCompleteInput,
  }),
};
