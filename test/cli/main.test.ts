import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('catalyst CLI shell', () => {
  it('prints usage with --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('catalyst <command> [options]');
  });
});
