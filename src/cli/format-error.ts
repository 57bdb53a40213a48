import { CommanderError } from 'commander';
import { QuireError } from '../errors/quire-error.js';
import { escapeControl } from '../util/escape-control.js';
import { redactSecrets } from '../util/redact-secrets.js';

/**
 * Exit codes of the CLI. A run stopped by a signal exits 128 + the signal's number, as shells
 * report it: 130 for Ctrl-C (SIGINT), 143 for SIGTERM, 129 for SIGHUP.
 */
export const exitCodes = { ok: 0, failure: 1, input: 2, interrupted: 130 } as const;

/** The exit code of a command stopped by each signal quire handles. */
export const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** A signal quire stops on. */
export type StopSignal = keyof typeof signalExitCodes;

/** The exit code and the one line shown for an error. */
export interface ErrorReport {
  exitCode: number;
  message: string;
}

/**
 * Maps any error to what the user sees and the exit code. The one place where errors become
 * exit codes. Pure.
 */
export function formatError({ error, command }: { error: unknown; command: string }): ErrorReport {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
      return { exitCode: exitCodes.ok, message: '' };
    }
    if (error.code === 'commander.help') return { exitCode: exitCodes.input, message: '' };
    const text = oneLine(error.message.replace(/^error: /, '')).replace(/\.$/, '');
    const help = command ? `quire ${command} --help` : 'quire --help';
    return { exitCode: exitCodes.input, message: `${text}; see '${help}'.` };
  }
  if (QuireError.isQuireError(error)) {
    return { exitCode: exitCodes[error.category], message: oneLine(error.message) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    exitCode: exitCodes.failure,
    message: `unexpected error: ${oneLine(detail)} (run again with --debug for the stack trace, and please report it).`,
  };
}

/**
 * The message as one safe line: joined, with credentials redacted and control characters
 * escaped, since it may quote a damaged file or a server's reply.
 */
function oneLine(text: string): string {
  const joined = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\.\s*;/, ';');
  return escapeControl(redactSecrets(joined));
}
