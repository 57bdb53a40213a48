import { estimateTokens } from '../../util/estimate-tokens.js';
import { isTestFile } from '../checks/is-test-file.js';

/** A codebase as text for the judge, and what did not fit. */
export interface RenderedCodebase {
  text: string;
  /** Files left out, or cut, because the budget ran out. */
  omitted: string[];
}

const readable = /\.((c|m)?(j|t)sx?|json|md|html|css)$/;

/**
 * Puts a codebase into one text, file by file under `=== path ===` headers, within
 * `budgetTokens`: source files first, then tests (they show behaviour but repeat it), then other
 * text files. A file that does not fit is cut or left out and named in `omitted`. Pure.
 */
export function renderCodebase({
  files,
  budgetTokens,
}: {
  files: Array<{ path: string; content: string }>;
  budgetTokens: number;
}): RenderedCodebase {
  const rank = (path: string) =>
    !readable.test(path)
      ? 3
      : path.endsWith('.json') || path.endsWith('.md')
        ? 2
        : isTestFile(path)
          ? 1
          : 0;
  const ordered = files
    .filter((file) => readable.test(file.path))
    .sort(
      (left, right) => rank(left.path) - rank(right.path) || left.path.localeCompare(right.path),
    );
  const parts: string[] = [];
  const omitted: string[] = [];
  let left = budgetTokens;
  for (const file of ordered) {
    const block = `=== ${file.path} ===\n${file.content}`;
    const cost = estimateTokens(block);
    if (cost <= left) {
      parts.push(block);
      left -= cost;
    } else if (left > 200) {
      // Characters per token vary; cut by the share of the budget left, then mark the cut.
      const keep = Math.floor(block.length * (left / cost)) - 40;
      parts.push(`${block.slice(0, Math.max(0, keep))}\n… (file cut)`);
      omitted.push(file.path);
      left = 0;
    } else omitted.push(file.path);
  }
  return { text: parts.join('\n\n'), omitted };
}
