import { writeReport } from '../../report/write-report.js';
import type { CommonOptions } from '../command-config.js';
import type { CommandContext } from '../command-context.js';
import { openInBrowser } from '../open-in-browser.js';

interface ReportOptions extends CommonOptions {
  out?: string;
  compare?: string;
  open?: boolean;
}

/** `quire report <target>`: renders the page, writes it atomically, and says where it is. */
export async function run({ args, options, io }: CommandContext<ReportOptions>): Promise<void> {
  const written = await writeReport({
    target: String(args[0]),
    out: options.out,
    compare: options.compare,
    cwd: io.cwd,
  });
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ type: 'result', ...written })}\n`);
  } else {
    io.stdout.write(
      `Wrote ${written.path} (${written.kind}, ${Math.ceil(written.bytes / 1024)} KB)\n`,
    );
  }
  if (options.open) openInBrowser({ path: written.path, io });
}
