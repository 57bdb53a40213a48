import type { Browser } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs; `QUIRE_CHROMIUM` points elsewhere. */
export declare const chromiumPath: string;
/** Launches the system's headless Chromium with a fresh temporary profile. */
export declare function launchChromium(): Promise<Browser>;
