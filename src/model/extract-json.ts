/** Outcome of pulling a JSON value out of a model's reply. */
export type ExtractJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Finds the JSON value in a model's reply. Models wrap JSON in Markdown code fences or put a
 * sentence before it even when asked not to; both are accepted. Pure.
 */
export function extractJson(text: string): ExtractJsonResult {
  const candidates = [text.trim()];
  const fenced = /```(?:json|JSON)?[^\S\n]*\n([\s\S]*?)\n?```/.exec(text);
  if (fenced?.[1] !== undefined) candidates.push(fenced[1].trim());
  const start = firstIndexOfAny(text, ['{', '[']);
  if (start >= 0) {
    const closing = text[start] === '{' ? '}' : ']';
    const end = text.lastIndexOf(closing);
    if (end > start) candidates.push(text.slice(start, end + 1));
  }

  let lastMessage = 'the reply is empty';
  for (const candidate of candidates) {
    if (candidate === '') continue;
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch (error) {
      lastMessage = error instanceof Error ? error.message : String(error);
    }
  }
  return { ok: false, message: lastMessage };
}

function firstIndexOfAny(text: string, needles: string[]): number {
  const found = needles.map((needle) => text.indexOf(needle)).filter((index) => index >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
}
