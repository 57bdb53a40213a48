import type { CheckFinding } from './check-finding.js';

type TypeScriptModule = typeof import('typescript');

/**
 * Checks the syntax of TypeScript files with the TypeScript compiler's parser (syntactic
 * diagnostics of `transpileModule`; types are not checked, since generated projects have no
 * type declarations installed). The compiler is loaded only when there is a file to check; when
 * it is not installed, one warning says so instead of passing the files silently.
 */
export async function checkTypeScriptSyntax({
  files,
  loadCompiler = () =>
    import('typescript').then((module) => (module.default ?? module) as TypeScriptModule),
}: {
  /** `.ts`, `.tsx`, `.mts`, `.cts` files with their text. */
  files: Array<{ path: string; content: string }>;
  loadCompiler?: () => Promise<TypeScriptModule>;
}): Promise<CheckFinding[]> {
  if (files.length === 0) return [];
  let ts: TypeScriptModule;
  try {
    ts = await loadCompiler();
  } catch {
    return [
      {
        check: 'syntax',
        ruleId: 'typescript-unavailable',
        message: `${files.length} TypeScript file(s) were not syntax-checked: typescript, an optional peer dependency of quire, is not installed; install it (npm install typescript) to check them`,
        severity: 'warning',
      },
    ];
  }
  return files.flatMap(({ path, content }) => {
    const output = ts.transpileModule(content, {
      fileName: path,
      reportDiagnostics: true,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        jsx: ts.JsxEmit.Preserve,
      },
    });
    return (output.diagnostics ?? []).map((diagnostic): CheckFinding => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      const position =
        diagnostic.file && diagnostic.start !== undefined
          ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
          : undefined;
      return {
        check: 'syntax',
        ruleId: 'syntax-error',
        message: `TS${diagnostic.code}: ${message}`,
        severity: 'error',
        location: position
          ? { path, line: position.line + 1, column: position.character + 1 }
          : { path },
      };
    });
  });
}
