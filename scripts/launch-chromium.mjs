import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs; `QUIRE_CHROMIUM` points elsewhere. */
export const chromiumPath = process.env.QUIRE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches the system's headless Chromium (never a downloaded one) with a fresh temporary
 * profile, and without its background connections, which a closed network refuses. Used by
 * the report's browser tests and by `npm run screenshots`.
 */
export async function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it (apt-get install -y chromium; .ci/run does) or set QUIRE_CHROMIUM.`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Starting takes a second on a quiet machine and far longer on a loaded one.
    timeout: 180_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
