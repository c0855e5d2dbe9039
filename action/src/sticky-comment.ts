import type { Octokit } from './octokit.js';

export interface IssueRef {
  owner: string;
  repo: string;
  issue_number: number;
}

/**
 * Keeps one comment per marker on a pull request: finds it on any page of the comments and
 * updates it in place, or creates it. Returns what it did.
 */
export async function upsertComment(octokit: Octokit, issue: IssueRef, marker: string, body: string): Promise<'created' | 'updated'> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...issue, per_page: 100 });
  const existing = comments.find((comment) => comment.body?.includes(marker));
  if (existing) {
    await octokit.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: existing.id, body });
    return 'updated';
  }
  await octokit.rest.issues.createComment({ ...issue, body });
  return 'created';
}
