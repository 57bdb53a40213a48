import { isTestFile } from '../checks/is-test-file.js';

/** Lines of code of a codebase, split the way reports need it. */
export interface CodeMeasure {
  /** Source files counted (JavaScript and TypeScript). */
  files: number;
  /** Non-blank lines that are not only a comment, in all source files. */
  linesOfCode: number;
  /** The same, in test files only. */
  testLinesOfCode: number;
  /** Lines of code per file extension. */
  byExtension: Record<string, number>;
}

const source = /\.((c|m)?(j|t)sx?)$/;

/**
 * Counts lines of code: non-blank lines that are not only a comment (`//`, or inside a block
 * comment that starts a line). A line with code and a comment counts. Pure.
 */
export function measureCode({
  files,
}: {
  files: Array<{ path: string; content: string }>;
}): CodeMeasure {
  const measure: CodeMeasure = { files: 0, linesOfCode: 0, testLinesOfCode: 0, byExtension: {} };
  for (const file of files) {
    const extension = source.exec(file.path)?.[1];
    if (extension === undefined) continue;
    const lines = countCodeLines(file.content);
    measure.files++;
    measure.linesOfCode += lines;
    if (isTestFile(file.path)) measure.testLinesOfCode += lines;
    measure.byExtension[extension] = (measure.byExtension[extension] ?? 0) + lines;
  }
  return measure;
}

function countCodeLines(content: string): number {
  let count = 0;
  let inBlock = false;
  for (const raw of content.split('\n')) {
    let line = raw.trim();
    if (inBlock) {
      const end = line.indexOf('*/');
      if (end < 0) continue;
      inBlock = false;
      line = line.slice(end + 2).trim();
    }
    while (line.startsWith('/*')) {
      const end = line.indexOf('*/', 2);
      if (end < 0) {
        inBlock = true;
        line = '';
        break;
      }
      line = line.slice(end + 2).trim();
    }
    if (line === '' || line.startsWith('//')) continue;
    count++;
  }
  return count;
}
