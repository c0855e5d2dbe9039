import { describe, expect, it } from 'vitest';
import { requireChromium } from './browser/global-setup.js';

describe('the browser tests’ setup', () => {
  it('fails, saying how to install Chromium, when there is none', () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(
      'The browser tests need Chromium at /nonexistent/chromium, which is missing. Install it (Debian: apt-get update && apt-get install -y chromium',
    );
  });

  it('passes for an executable at the path', () => {
    expect(() => requireChromium(process.execPath)).not.toThrow();
  });
});
