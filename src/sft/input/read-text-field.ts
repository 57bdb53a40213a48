import { visibleText } from '../../util/visible-text.js';
import type { SftInputRow } from './sft-input-layout.js';

/**
 * The trimmed text of `row[field]`, or why it cannot be an instruction: missing, not a string,
 * or blank. Pure.
 */
export function readTextField(
  row: SftInputRow,
  field: string,
): { text: string } | { problem: string } {
  const value = row[field];
  if (value === undefined || value === null) {
    return { problem: `"${field}" is missing (expected a string)` };
  }
  if (typeof value !== 'string') {
    return {
      problem: `"${field}" must be a string, not ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}`,
    };
  }
  const text = value.trim();
  return visibleText(text) === ''
    ? { problem: `"${field}": must not be empty (nothing visible in it)` }
    : { text };
}

/** `row[field]` when it is a string with something in it; else undefined. Pure. */
export function optionalText(row: SftInputRow, field: string): string | undefined {
  const value = row[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
