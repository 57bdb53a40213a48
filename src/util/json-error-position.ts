/** 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Turns the character offset that V8 puts in a JSON.parse error ("… at position 42") into a line
 * and column, so users are pointed at the spot in their file. Undefined when none is given.
 */
export function jsonErrorPosition({
  text,
  error,
}: {
  text: string;
  error: unknown;
}): TextPosition | undefined {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  const lineMatch = /line (\d+) column (\d+)/.exec(message);
  if (lineMatch) return { line: Number(lineMatch[1]), column: Number(lineMatch[2]) };
  if (!match) {
    return /Unexpected end of JSON input/.test(message) ? positionAt(text, text.length) : undefined;
  }
  return positionAt(text, Number(match[1]));
}

function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}
