import { describe, expect, it } from 'vitest';
import { extractJson } from '../../src/model/extract-json.js';
import { parseLooseJson } from '../../src/model/parse-loose-json.js';

describe('extractJson', () => {
  it.each([
    ['plain object', '{"a":1}', { a: 1 }],
    ['a bare value', '42', 42],
    ['fenced with language', 'Here it is:\n```json\n{"a":[1,2]}\n```\nDone.', { a: [1, 2] }],
    ['fenced without language', '```\n[1,2,3]\n```', [1, 2, 3]],
    ['prose around it', 'Sure! {"title":"x"} Hope this helps.', { title: 'x' }],
    ['surrounding whitespace', '\n  {"a":true}\n', { a: true }],
    ['trailing commas', '{"a": [1, 2,], "b": {"c": 3,},}', { a: [1, 2], b: { c: 3 } }],
    ['comments', '{\n  // the title\n  "a": 1, /* why */ "b": 2\n}', { a: 1, b: 2 }],
    [
      'single quotes and bare keys',
      "{title: 'Tides', 'words': 500}",
      { title: 'Tides', words: 500 },
    ],
    [
      'Python constants',
      '{"done": True, "error": None, "ok": False}',
      { done: true, error: null, ok: false },
    ],
    ['a raw line break inside a string', '{"brief": "one\ntwo"}', { brief: 'one\ntwo' }],
    ['escapes', String.raw`{"a": "q\"\u00e9\n"}`, { a: 'q"é\n' }],
    ['an object after a bracketed note', 'See [1] below.\n{"a": 1}', { a: 1 }],
    [
      'an array when no object stands alone',
      'The list: [{"a": 1}, {"a": 2}] — done',
      [{ a: 1 }, { a: 2 }],
    ],
    ['an object after a broken one', '{not json at all} then {"a": 1}', { a: 1 }],
  ])('accepts %s', (_name, text, expected) => {
    expect(extractJson(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty', '', false],
    ['truncated', '{"a": [1, 2', true],
    ['truncated after a complete inner object', '{"s": [{"a": 1}, {"b": ', true],
    ['not json', 'I cannot do that.', false],
    ['an unclosed string', '{"a": "never closed}', true],
  ])('refuses %s with a reason', (_name, text, attempted) => {
    const result = extractJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).not.toBe('');
      expect(result.attempted).toBe(attempted);
    }
  });
});

describe('parseLooseJson', () => {
  it('says where a value ends, leaving what follows', () => {
    expect(parseLooseJson('{"a": 1} and more')).toEqual({ ok: true, value: { a: 1 }, end: 8 });
  });

  it('names the offset where reading failed', () => {
    const result = parseLooseJson('{"a" 1}');
    expect(result).toMatchObject({ ok: false, offset: 5 });
  });

  it('refuses nesting deeper than any answer needs, without overflowing the stack', () => {
    const result = parseLooseJson('['.repeat(10_000));
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining('nested too deeply'),
    });
  });
});
