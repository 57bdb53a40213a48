import { parseLooseJson } from './parse-loose-json.js';

/**
 * Outcome of pulling a JSON value out of a model's reply. `attempted` says whether the reply
 * held something that began like JSON (an opening brace or bracket) when none could be read: a
 * cut or garbled JSON reply, rather than one in another form altogether.
 */
export type ExtractJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; attempted: boolean };

/**
 * Finds the JSON value in a model's reply: the one tolerant reader of model JSON in quire.
 * Models wrap JSON in Markdown code fences, put prose before and after it, leave trailing
 * commas, comments, single quotes and unquoted keys; all of that is accepted (see
 * `parseLooseJson`). A reply that is JSON and nothing else is taken whole; otherwise the first
 * object found wins (prose may hold a bracketed "[1]" before
 * it); failing any object, the first array. Pure.
 */
export function extractJson(text: string): ExtractJsonResult {
  const whole = parseLooseJson(text.trim());
  if (whole.ok && whole.end === text.trim().length) return { ok: true, value: whole.value };
  const fenced = [...text.matchAll(/```[ \t]*(?:json5?|JSON)?[^\S\n]*\n([\s\S]*?)\n?[ \t]*```/g)];
  const sources = [...fenced.map((match) => match[1] ?? ''), text];
  let firstArray: unknown[] | undefined;
  let lastMessage: string | undefined;
  for (const source of sources) {
    for (let start = nextOpening(source, 0); start >= 0; start = nextOpening(source, start + 1)) {
      const read = parseLooseJson(source, start);
      if (!read.ok) {
        lastMessage ??= read.message;
        // What lies inside a broken value is a piece of it, not an answer: go on past the break.
        start = Math.max(start, read.offset - 1);
        continue;
      }
      if (!Array.isArray(read.value)) return { ok: true, value: read.value };
      firstArray ??= read.value;
      // An array's inner objects are not answers of their own: go on after the array.
      start = read.end - 1;
    }
  }
  if (firstArray !== undefined) return { ok: true, value: firstArray };
  if (lastMessage !== undefined) return { ok: false, message: lastMessage, attempted: true };
  return {
    ok: false,
    message: text.trim() === '' ? 'the reply is empty' : 'the reply holds no JSON object or array',
    attempted: false,
  };
}

function nextOpening(text: string, from: number): number {
  const brace = text.indexOf('{', from);
  const bracket = text.indexOf('[', from);
  if (brace < 0) return bracket;
  if (bracket < 0) return brace;
  return Math.min(brace, bracket);
}
