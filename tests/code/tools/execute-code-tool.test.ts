import { describe, expect, it } from 'vitest';
import { codeTools } from '../../../src/code/tools/code-tools.js';
import {
  type CodeToolContext,
  executeCodeTool,
} from '../../../src/code/tools/execute-code-tool.js';
import type { ReceivedToolCall } from '../../../src/model/call-tools.js';
import { useTempDir } from '../../helpers/temp-dir.js';
import { createWorkspace } from '../helpers/builders.js';
import { testLimits, testSandbox } from '../helpers/sandbox.js';

const limits = {
  ...testLimits,
  readLimitChars: 1_000,
  maxFileChars: 5_000,
};
const call = (toolName: string, input: unknown): ReceivedToolCall => ({
  toolCallId: 'c1',
  toolName,
  input,
  error: undefined,
});

describe('executeCodeTool', () => {
  const tempDir = useTempDir();
  const context = async (overrides: Partial<CodeToolContext> = {}): Promise<CodeToolContext> => ({
    sandbox: await testSandbox(),
    workspace: await createWorkspace(await tempDir()),
    limits,
    writtenPaths: [],
    requireTests: false,
    ...overrides,
  });

  it('offers exactly the six tools, without execute functions', () => {
    expect(Object.keys(codeTools)).toEqual([
      'list_files',
      'read_files',
      'write_files',
      'delete_files',
      'run_tests',
      'step_complete',
    ]);
    expect(
      Object.values(codeTools).every((each) => !('execute' in each) || each.execute === undefined),
    ).toBe(true);
  });

  it('writes, lists with summaries, reads and deletes, reporting effects as data', async () => {
    const ctx = await context();
    const written = await executeCodeTool({
      call: call('write_files', {
        files: [{ path: 'src/a.js', content: '/** Alpha helpers. */\nexport const a = 1;\n' }],
      }),
      context: ctx,
    });
    expect(written).toMatchObject({
      isError: false,
      written: ['src/a.js'],
      output: 'src/a.js: created (3 lines)',
    });
    const listed = await executeCodeTool({ call: call('list_files', {}), context: ctx });
    expect(listed.output).toContain('src/a.js (42 bytes) — Alpha helpers.');
    const read = await executeCodeTool({
      call: call('read_files', { paths: ['src/a.js', 'missing.js'] }),
      context: ctx,
    });
    expect(read).toMatchObject({ isError: false, read: ['src/a.js'] });
    expect(read.output).toContain('=== src/a.js (3 lines) ===');
    expect(read.output).toContain('=== missing.js ===\nerror: "missing.js" does not exist');
    const deleted = await executeCodeTool({
      call: call('delete_files', { paths: ['src/a.js'] }),
      context: ctx,
    });
    expect(deleted).toMatchObject({ isError: false, deleted: ['src/a.js'] });
  });

  it('caps what one read returns, and says what was cut or not read', async () => {
    const ctx = await context();
    await ctx.workspace.write('big.js', `// ${'x'.repeat(1_500)}\n`);
    await ctx.workspace.write('small.js', 'export const s = 1;\n');
    const read = await executeCodeTool({
      call: call('read_files', { paths: ['big.js', 'small.js'] }),
      context: ctx,
    });
    expect(read.output).toContain('(cut: showing 1000 of 1504 characters)');
    expect(read.output).toContain(
      '=== small.js ===\n(not read: this call reached its cap of 1000 characters',
    );
    expect(read.output.length).toBeLessThan(1_300);
  });

  it('refuses an over-large file and input that does not match the schema', async () => {
    const ctx = await context();
    const large = await executeCodeTool({
      call: call('write_files', { files: [{ path: 'a.js', content: 'x'.repeat(6_000) }] }),
      context: ctx,
    });
    expect(large).toMatchObject({ isError: true, written: [] });
    expect(large.output).toContain('over the limit of 5000');
    const bad = await executeCodeTool({ call: call('read_files', { paths: [] }), context: ctx });
    expect(bad).toMatchObject({ isError: true });
    expect(bad.output).toContain('does not match its schema: paths');
    const invalid = await executeCodeTool({
      call: { ...call('read_files', {}), error: 'unusable' },
      context: ctx,
    });
    expect(invalid).toMatchObject({ isError: true, output: 'Call refused: unusable.' });
  });

  it('runs all tests or the ones named, and explains when there are none', async () => {
    const ctx = await context();
    const none = await executeCodeTool({ call: call('run_tests', {}), context: ctx });
    expect(none.output).toContain('No test files to run');
    await ctx.workspace.write(
      'test/a.test.js',
      "import { test } from 'node:test';\ntest('a', () => {});\n",
    );
    await ctx.workspace.write(
      'test/b.test.js',
      "import { test } from 'node:test';\ntest('b', () => { throw new Error('boom'); });\n",
    );
    const all = await executeCodeTool({ call: call('run_tests', {}), context: ctx });
    expect(all.tests?.totals).toMatchObject({ files: 2, passed: 1, failed: 1 });
    expect(all.output).toContain('Test run: FAILED');
    expect(all.output).toContain('boom');
    const one = await executeCodeTool({
      call: call('run_tests', { paths: ['test/a.test.js', 'src/nope.js'] }),
      context: ctx,
    });
    expect(one.tests?.totals).toMatchObject({ files: 1, passed: 1 });
    expect(one.output).toContain('src/nope.js: not a test file of the project');
  });
});
