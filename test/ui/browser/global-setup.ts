import { accessSync, constants } from 'node:fs';
import { CHROMIUM_PATH } from './chromium-path.js';

/** Throws, saying how to install it, when there is no Chromium to run at `path`. */
export function requireChromium(path: string): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `The browser tests need Chromium at ${path}, which is missing. Install it (Debian: apt-get update && apt-get install -y chromium; .ci/run does this), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}

/** The browser tests need Chromium: without it they fail here, saying what to do, instead of skipping. */
export default function setup(): void {
  requireChromium(CHROMIUM_PATH);
}
