import { describe, expect, it } from 'vitest';
import { extractJson } from '../../src/model/extract-json.js';

describe('extractJson', () => {
  it.each([
    ['plain object', '{"a":1}', { a: 1 }],
    ['fenced with language', 'Here it is:\n```json\n{"a":[1,2]}\n```\nDone.', { a: [1, 2] }],
    ['fenced without language', '```\n[1,2,3]\n```', [1, 2, 3]],
    ['prose around it', 'Sure! {"title":"x"} Hope this helps.', { title: 'x' }],
    ['surrounding whitespace', '\n  {"a":true}\n', { a: true }],
  ])('accepts %s', (_name, text, expected) => {
    expect(extractJson(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty', ''],
    ['truncated', '{"a": [1, 2'],
    ['not json', 'I cannot do that.'],
  ])('refuses %s with a reason', (_name, text) => {
    const result = extractJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toBe('');
  });
});
