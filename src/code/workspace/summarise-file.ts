const maxLength = 100;

/** How much of a file a summary reads: its start, so a huge file costs no more than a small one. */
export const summaryBytes = 16 * 1024;

/**
 * A one-line summary of a file for the file list a step sees, taken from the file itself, so it
 * costs no model call: its first comment line, else the names it exports, else its first line of
 * code. Pure.
 */
export function summariseFile({ path, content }: { path: string; content: string }): string {
  const lines = content.split('\n').map((line) => line.trim());
  const comment = lines
    .map((line) => /^(?:\/\/+|\/\*+|\*|#(?!!)|<!--)\s*(.*?)\s*(?:\*\/|-->)?$/.exec(line)?.[1] ?? '')
    .find(
      (text) =>
        /[a-zA-Z]{3}/.test(text) && !/^@|eslint|prettier|biome|ts-(?:ignore|check)/.test(text),
    );
  if (comment) return clip(comment);
  const exported = [
    ...content.matchAll(
      /^\s*export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm,
    ),
  ].map((match) => match[1]);
  if (exported.length > 0) return clip(`exports ${exported.join(', ')}`);
  if (path.endsWith('.json')) return clip(`JSON, ${content.length} characters`);
  const first = lines.find((line) => line !== '' && !line.startsWith('import '));
  return first ? clip(first) : 'empty';
}

function clip(text: string): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
