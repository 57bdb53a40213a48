/**
 * A workspace path as a child process must receive it: starting with `./`, so that no name, even
 * one like `--require=x.cjs`, can be read as an option (callers also put it after `--`). Pure.
 */
export function workspaceArgument(path: string): string {
  return `./${path}`;
}
