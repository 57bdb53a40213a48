import { spawn } from 'node:child_process';

/** How a child process ended. */
export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the time limit killed it. */
  timedOut: boolean;
  durationMs: number;
  /** Set when the process could not be started at all. */
  spawnError: string | undefined;
}

/** Output kept per stream: the start and the end, where errors and summaries are. */
const defaultMaxOutputChars = 64_000;

/**
 * Runs a command in its own process group with a time limit. When the limit passes, or the
 * abort signal fires, the whole group is killed (so a child that spawned children leaves none
 * behind); the group is also killed after a normal exit, for the same reason. Output is capped,
 * keeping its beginning and end. Rejects only on abort. On Windows, which has no process groups
 * here, only the process itself is killed.
 */
export function runConfinedProcess({
  command,
  args,
  cwd,
  env,
  timeoutMs,
  maxOutputChars = defaultMaxOutputChars,
  abortSignal,
}: {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  maxOutputChars?: number;
  abortSignal?: AbortSignal;
}): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const groups = process.platform !== 'win32';
    const child = spawn(command, args, {
      cwd,
      env,
      detached: groups,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout = cappedText(maxOutputChars);
    const stderr = cappedText(maxOutputChars);
    child.stdout.on('data', (chunk: Buffer) => stdout.add(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => stderr.add(chunk.toString('utf8')));
    let timedOut = false;
    let settled = false;
    const killGroup = () => {
      try {
        if (groups && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const onAbort = () => {
      killGroup();
      finish(() => reject(abortSignal?.reason));
    };
    abortSignal?.addEventListener('abort', onAbort, { once: true });
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      abortSignal?.removeEventListener('abort', onAbort);
      settle();
    };
    child.on('error', (error) => {
      finish(() =>
        resolve({
          exitCode: null,
          signal: null,
          stdout: '',
          stderr: '',
          timedOut: false,
          durationMs: 0,
          spawnError: error.message,
        }),
      );
    });
    child.on('exit', (exitCode, signal) => {
      killGroup();
      // A grandchild outside the group could hold the pipes open; do not wait on it for long.
      const grace = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, 1_000);
      child.on('close', () => {
        clearTimeout(grace);
        finish(() =>
          resolve({
            exitCode,
            signal,
            stdout: stdout.text(),
            stderr: stderr.text(),
            timedOut,
            durationMs: Date.now() - started,
            spawnError: undefined,
          }),
        );
      });
    });
    if (abortSignal?.aborted) onAbort();
  });
}

function cappedText(limit: number): { add(text: string): void; text(): string } {
  let head = '';
  let tail = '';
  let dropped = 0;
  const half = Math.floor(limit / 2);
  return {
    add(text) {
      if (head.length < half) {
        const room = half - head.length;
        head += text.slice(0, room);
        text = text.slice(room);
      }
      tail += text;
      if (tail.length > half) {
        dropped += tail.length - half;
        tail = tail.slice(tail.length - half);
      }
    },
    text: () =>
      dropped > 0 ? `${head}\n… [${dropped} characters left out] …\n${tail}` : head + tail,
  };
}
