import type { ProcessLimits, Sandbox } from '../sandbox/sandbox.js';
import type { Workspace } from '../workspace/workspace.js';
import type { CheckFinding } from './check-finding.js';
import { checkJavaScriptSyntax } from './check-javascript-syntax.js';
import { checkTypeScriptSyntax } from './check-typescript-syntax.js';

const javaScript = /\.(c|m)?js$/;
const typeScript = /\.(c|m)?tsx?$/;

/** True for a file the syntax check looks at. */
export function isCheckedSource(path: string): boolean {
  return javaScript.test(path) || typeScript.test(path) || path.endsWith('.json');
}

/**
 * Checks the syntax of workspace files by kind: JavaScript with `node --check`, TypeScript with
 * the compiler's parser, JSON with `JSON.parse`. Other files are not checked. Files that vanished
 * since they were named are skipped.
 */
export async function checkSyntax({
  sandbox,
  limits,
  workspace,
  paths,
  abortSignal,
}: {
  sandbox: Sandbox;
  limits: ProcessLimits;
  workspace: Workspace;
  paths: string[];
  abortSignal?: AbortSignal;
}): Promise<CheckFinding[]> {
  const unique = [...new Set(paths)].sort();
  const readable = async (path: string) => workspace.read(path).catch(() => undefined);
  const typeScriptFiles: Array<{ path: string; content: string }> = [];
  const findings: CheckFinding[] = [];
  for (const path of unique.filter((each) => typeScript.test(each) || each.endsWith('.json'))) {
    const file = await readable(path);
    if (file === undefined) continue;
    if (typeScript.test(path)) typeScriptFiles.push(file);
    else findings.push(...checkJson(file));
  }
  const javaScriptPaths: string[] = [];
  for (const path of unique.filter((each) => javaScript.test(each))) {
    if ((await readable(path)) !== undefined) javaScriptPaths.push(path);
  }
  findings.push(
    ...(await checkJavaScriptSyntax({
      sandbox,
      root: workspace.root,
      paths: javaScriptPaths,
      memoryLimitMb: limits.memoryLimitMb,
      diskQuotaMb: limits.diskQuotaMb,
      abortSignal,
    })),
    ...(await checkTypeScriptSyntax({ files: typeScriptFiles })),
  );
  return findings;
}

function checkJson({ path, content }: { path: string; content: string }): CheckFinding[] {
  try {
    JSON.parse(content);
    return [];
  } catch (error) {
    return [
      {
        check: 'syntax',
        ruleId: 'syntax-error',
        message: `invalid JSON: ${(error as Error).message}`,
        severity: 'error',
        location: { path },
      },
    ];
  }
}
