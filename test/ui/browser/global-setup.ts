import { accessSync, constants } from 'node:fs';
import { CHROMIUM_PATH } from './chromium-path.js';

/** The browser tests need Chromium: without it they fail here, saying how to install it, instead of skipping. */
export default function requireChromium(): void {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}, which is missing. Install it (Debian: apt-get update && apt-get install -y chromium; .ci/run does this), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}
