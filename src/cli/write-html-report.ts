import type { Config } from '../config/config-schema.js';
import type { CliIo } from './cli-io.js';

/**
 * Writes the HTML report of what a command just produced (a run directory, a benchmark folder,
 * an SFT output), when `report.html` is on. A report that cannot be made is a note on stderr,
 * never a failure of the command: its real outputs are already saved. Prints where the page is
 * (not with `--json`, whose output stays one JSON result).
 */
export async function writeHtmlReport({
  config,
  target,
  io,
  json,
}: {
  config: Config;
  /** Absolute path of the run directory, benchmark folder or SFT output. */
  target: string;
  io: CliIo;
  json: boolean;
}): Promise<void> {
  if (!config.report.html) return;
  try {
    // Loaded only here: the charting library is needed for the report alone.
    const { writeReport } = await import('../report/write-report.js');
    const written = await writeReport({ target, cwd: io.cwd });
    if (!json) io.stdout.write(`  Report: ${written.path}\n`);
  } catch (error) {
    io.stderr.write(
      `quire: the HTML report was not written (${(error as Error).message}); make it with: quire report ${target}\n`,
    );
  }
}
