import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * The GitHub client: GitHub's Octokit with its throttling plugin, so a primary or secondary rate
 * limit (403/429 with `retry-after`) waits as GitHub asks and retries a few times instead of
 * failing a plan or an apply half-way.
 */
export function createOctokit(token: string): Octokit {
  const retry = (kind: string) => (after: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    core.warning(`GitHub's ${kind} rate limit on ${options.method} ${options.url}: retrying in ${after}s.`);
    return retryCount < 3;
  };
  return getOctokit(token, { throttle: { onRateLimit: retry('primary'), onSecondaryRateLimit: retry('secondary') } }, throttling);
}
