import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { CliIo } from './cli-io.js';

/**
 * Opens a file in the user's browser without waiting for it: `$BROWSER` when set (the usual
 * convention), else the system's opener (`open`, `xdg-open`, `start`). A failure to open is a
 * note on stderr, never an error: the page is written either way.
 */
export function openInBrowser({ path, io }: { path: string; io: CliIo }): void {
  const url = pathToFileURL(path).href;
  const [command, ...args] = io.env.BROWSER
    ? [io.env.BROWSER, url]
    : process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""', url]
        : ['xdg-open', url];
  const note = (reason: string) =>
    io.stderr.write(`quire: could not open a browser (${reason}); open ${url} yourself.\n`);
  try {
    const child = spawn(command!, args, { detached: true, stdio: 'ignore', env: { ...io.env } });
    child.on('error', (error) => note(error.message));
    child.unref();
  } catch (error) {
    note((error as Error).message);
  }
}
