import { describe, expect, it } from 'vitest';
import { buildStepPrompt, type FileEntry } from '../../../src/code/agent/build-step-prompt.js';
import { estimateTokens } from '../../../src/util/estimate-tokens.js';
import { createInstruction } from '../helpers/builders.js';

const files = (count: number): FileEntry[] =>
  Array.from({ length: count }, (_, index) => ({
    path: `src/module-${index}.js`,
    size: 100 + index,
    summary: `does thing number ${index} in the system`,
  }));

const build = (fileList: FileEntry[], budgetTokens: number) =>
  buildStepPrompt({
    spec: 'A long specification. '.repeat(50),
    instruction: createInstruction(),
    stepNumber: 2,
    stepCount: 3,
    files: fileList,
    previousSummary: 'Step 1 built the store.',
    progress: undefined,
    readLimitChars: 40_000,
    testTimeoutMs: 60_000,
    budgetTokens,
  });

describe('buildStepPrompt', () => {
  it('holds the spec, the instruction, the file list with summaries and the previous summary', async () => {
    const opening = await build(files(3), 10_000);
    expect(opening.filesShown).toBe(3);
    expect(opening.prompt).toContain('A long specification.');
    expect(opening.prompt).toContain('Current step (2 of 3)');
    expect(opening.prompt).toContain('- Greet people by name.');
    expect(opening.prompt).toContain(
      '- src/module-1.js (101 bytes): does thing number 1 in the system',
    );
    expect(opening.prompt).toContain('Step 1 built the store.');
    expect(opening.system).toContain('step_complete');
    expect(opening.system).toContain('60 seconds');
  });

  it('gives up the summaries, then the tail of the file list, to stay within budget; never the spec', async () => {
    const full = await build(files(400), 100_000);
    const fullTokens = estimateTokens(full.system) + estimateTokens(full.prompt);
    const bare = await build(files(400), fullTokens - 1);
    expect(bare.filesShown).toBe(400);
    expect(bare.prompt).not.toContain('does thing number');
    const cut = await build(files(400), 2_500);
    expect(cut.filesShown).toBeLessThan(400);
    expect(cut.prompt).toContain(`and ${400 - cut.filesShown} more (call list_files)`);
    expect(cut.prompt).toContain('A long specification. '.repeat(50).trim());
    expect(estimateTokens(cut.system) + estimateTokens(cut.prompt)).toBeLessThanOrEqual(2_500);
  });
});
