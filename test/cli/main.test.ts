import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe.concurrent('catalyst CLI shell', () => {
  it('prints usage with --help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('catalyst <command> [options]');
  });

  it('runs in a project directory outside the repository (no node_modules there)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'catalyst-cli-'));
    try {
      const result = await runCli(['--help'], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown command with exit code 1 and says so on stderr', async () => {
    const result = await runCli(['frobnicate']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'Error: Unknown command "frobnicate". `catalyst --help` lists the commands.\n' });
  });

  it('names a mistyped command and suggests the one meant', async () => {
    const result = await runCli(['plam', '--detailed-exitcode']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error: Unknown command "plam". Did you mean plan? `catalyst --help` lists the commands.\n',
    });
  });

  it('still reports an unknown option of a known command as such', async () => {
    const result = await runCli(['validate', '--frobnicate']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'Error: Unknown argument: frobnicate\n' });
  });

  it('exits 1 when no command is named', async () => {
    const result = await runCli([]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'Error: Name a command; `catalyst --help` lists them.\n' });
  });
});
