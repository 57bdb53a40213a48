import type { z } from 'zod';
import { formatCount } from './format-count.js';

/**
 * One zod issue as a phrase for people: `"prompt" is missing (expected a string)`,
 * `"length" must be a whole number`. Pure.
 */
export function describeSchemaIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const where = path === '' ? 'the line' : `"${path}"`;
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1];
    if (received === 'undefined')
      return `${where} is missing (expected ${article(issue.expected)})`;
    return `${where} must be ${article(issue.expected)}${received ? `, not ${article(received)}` : ''}`;
  }
  if (issue.code === 'too_big') {
    return `${where} must be at most ${formatCount(Number(issue.maximum))}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  }
  return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

function article(type: string): string {
  if (type === 'int') return 'a whole number';
  if (type === 'null' || type === 'undefined') return type;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
