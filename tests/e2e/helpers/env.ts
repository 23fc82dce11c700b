/** Settings shared by the global setup and the tests. */

/** The base path the site is built and served under, as on a GitHub Pages project site. */
export const BASE_PATH = '/portfolio/';

/** Chromium flags for a quiet, self-contained headless run (no sandbox: CI runs as root). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium to drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
}
