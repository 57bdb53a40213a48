import { renderPrompt } from '../../prompts/render-prompt.js';
import { estimateTokens } from '../../util/estimate-tokens.js';
import type { CodeInstruction } from '../plan/code-plan.js';
import { formatInstruction } from './format-instruction.js';

/** A workspace file as the step's file list shows it. */
export interface FileEntry {
  path: string;
  size: number;
  summary: string;
}

/** The opening of a step's conversation. */
export interface StepPrompt {
  system: string;
  prompt: string;
  /** Files named in the list (the rest were left out to fit the budget). */
  filesShown: number;
}

/**
 * The opening of a step: the system prompt with the tools and rules, then the full spec (kept
 * whole: losing it is how steps drift), the instruction, the file list with one-line summaries,
 * the previous step's summary, and after a restart the progress note. Only the file list gives
 * way when the opening would exceed `budgetTokens`: first its summaries, then its tail (the agent
 * can still call `list_files`).
 */
export async function buildStepPrompt({
  spec,
  instruction,
  stepNumber,
  stepCount,
  files,
  previousSummary,
  progress,
  readLimitChars,
  testTimeoutMs,
  budgetTokens,
}: {
  spec: string;
  instruction: CodeInstruction;
  stepNumber: number;
  stepCount: number;
  files: FileEntry[];
  previousSummary: string | undefined;
  /** The progress note a restarted step continues from. */
  progress: string | undefined;
  readLimitChars: number;
  testTimeoutMs: number;
  budgetTokens: number;
}): Promise<StepPrompt> {
  const render = async (fileList: string, filesShown: number): Promise<StepPrompt> => {
    const rendered = await renderPrompt({
      name: 'code-step',
      variables: {
        readLimitChars,
        testTimeoutSeconds: Math.max(1, Math.round(testTimeoutMs / 1000)),
        spec,
        stepNumber,
        stepCount,
        instruction: formatInstruction(instruction),
        files: fileList,
        previousSummary: previousSummary ?? 'Nothing yet: this is the first step.',
        progress: progress
          ? `## Progress so far in this step (continue from here)\n\n${progress}`
          : '',
      },
    });
    return { system: rendered.system ?? '', prompt: rendered.prompt, filesShown };
  };
  const fits = (opening: StepPrompt) =>
    estimateTokens(opening.system) + estimateTokens(opening.prompt) <= budgetTokens;
  const withSummaries = files.map((file) => `- ${file.path} (${file.size} bytes): ${file.summary}`);
  const bare = files.map((file) => `- ${file.path}`);
  for (const lines of [withSummaries, bare]) {
    const opening = await render(
      lines.length > 0 ? lines.join('\n') : '(no files yet)',
      files.length,
    );
    if (fits(opening) || files.length === 0) return opening;
  }
  let shown = files.length;
  let opening: StepPrompt;
  do {
    shown = Math.floor(shown / 2);
    const list = [
      ...bare.slice(0, shown),
      `- … and ${files.length - shown} more (call list_files)`,
    ].join('\n');
    opening = await render(list, shown);
  } while (!fits(opening) && shown > 0);
  return opening;
}
