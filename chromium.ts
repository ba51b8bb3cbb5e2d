/**
 * Which Chromium the browser tests and the benchmark drive, and how it is started: the one
 * named by PLAYWRIGHT_CHROMIUM_EXECUTABLE, else Debian's at /usr/bin/chromium, else
 * Playwright's own installed browser. Nothing downloads a browser.
 */
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/** Headless, no sandbox (CI runs as root), and none of the background traffic to Google. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
