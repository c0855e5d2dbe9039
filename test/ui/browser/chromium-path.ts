/** Debian's `chromium` package, which playwright-core drives (browser downloads are not used); CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
