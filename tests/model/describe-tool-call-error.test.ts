import { InvalidToolInputError, NoSuchToolError } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeToolCallError } from '../../src/model/describe-tool-call-error.js';

/** The error the SDK raises for a call to `toolName` whose input failed `schema`. */
function invalidInput(schema: z.ZodType, input: unknown, toolName = 'write_file') {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('the input matched');
  return new InvalidToolInputError({
    toolName,
    toolInput: JSON.stringify(input),
    cause: new Error('Type validation failed', { cause: parsed.error }),
  });
}

describe('describeToolCallError', () => {
  it('names an unknown tool and the tools there are', () => {
    const error = new NoSuchToolError({ toolName: 'delete', availableTools: ['read', 'write'] });
    expect(describeToolCallError(error)).toBe(
      'there is no tool named "delete"; the tools are: read, write',
    );
    expect(describeToolCallError(new NoSuchToolError({ toolName: 'delete' }))).toBe(
      'there is no tool named "delete"; the tools are: none',
    );
  });

  it('lists at most five schema issues, each at its path', () => {
    const schema = z.object({
      path: z.string(),
      lines: z.array(z.number()),
      a: z.string(),
      b: z.string(),
      c: z.string(),
      d: z.string(),
    });
    const text = describeToolCallError(invalidInput(schema, { path: 3, lines: ['x'] }));
    expect(text).toMatch(
      /^the input of write_file does not match its schema: path: .+; lines\.0: /,
    );
    expect(text.split('; ')).toHaveLength(5);
  });

  it('names the root when the input as a whole is wrong', () => {
    const text = describeToolCallError(invalidInput(z.object({ path: z.string() }), 'text'));
    expect(text).toMatch(/^the input of write_file does not match its schema: \(root\): /);
  });

  it('says the input was not JSON when no schema issue is known', () => {
    const error = new InvalidToolInputError({
      toolName: 'write_file',
      toolInput: '{path',
      cause: new SyntaxError('Unexpected token'),
    });
    expect(describeToolCallError(error)).toBe(
      'the input of write_file is not valid JSON for its schema',
    );
  });

  it('gives the first line of any other error, or the value as text', () => {
    expect(describeToolCallError(new Error('first line\nsecond line'))).toBe('first line');
    expect(describeToolCallError('plain reason')).toBe('plain reason');
  });
});
