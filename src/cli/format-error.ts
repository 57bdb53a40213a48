import { CommanderError } from 'commander';
import { QuireError } from '../errors/quire-error.js';

/** Exit codes of the CLI. */
export const exitCodes = { ok: 0, failure: 1, input: 2, interrupted: 130 } as const;

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

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\.\s*;/, ';');
}
