import type { Octokit } from './octokit.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export type CommitOutcome = { kind: 'pushed'; sha: string } | { kind: 'pull-request'; number: number; branch: string };

/**
 * Commits files onto `branch` through the Git Data API (blobs, a tree on the branch's tree, a
 * commit, the ref moved without force), so the Action needs no git and no checkout credentials.
 * When the branch refuses the update (protected: a review or status checks are required), the
 * same commit goes to a new branch with a pull request instead.
 */
export async function commitFiles(
  octokit: Octokit,
  repo: RepoRef,
  branch: string,
  files: ReadonlyArray<{ path: string; content: string }>,
  message: string,
): Promise<CommitOutcome> {
  const head = (await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
  const base = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data.tree.sha;
  const tree = await Promise.all(
    files.map(async (file) => {
      const blob = await octokit.rest.git.createBlob({ ...repo, content: file.content, encoding: 'utf-8' });
      return { path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha };
    }),
  );
  const created = await octokit.rest.git.createTree({ ...repo, base_tree: base, tree });
  const commit = await octokit.rest.git.createCommit({ ...repo, message, tree: created.data.sha, parents: [head] });
  try {
    await octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit.data.sha, force: false });
    return { kind: 'pushed', sha: commit.data.sha };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 422 && status !== 403) throw error;
  }
  const side = `catalyst/lockfile-${commit.data.sha.slice(0, 12)}`;
  await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${side}`, sha: commit.data.sha });
  const pull = await octokit.rest.pulls.create({
    ...repo,
    head: side,
    base: branch,
    title: 'catalyst: record the applied changes in the lockfile',
    body: `${branch} is protected, so catalyst could not push the lockfile after applying. Merge this to record what was applied; until then the next plan will adopt the applied state.`,
  });
  return { kind: 'pull-request', number: pull.data.number, branch: side };
}

/**
 * Puts one commit on `branch`, made on top of `base` (the default branch): the files written,
 * the paths removed. The branch is created, or moved to the new commit (it belongs to catalyst:
 * each run replaces what the last one proposed). Returns the commit.
 */
export async function commitToBranch(
  octokit: Octokit,
  repo: RepoRef,
  change: {
    base: string;
    branch: string;
    files: ReadonlyArray<{ path: string; content: string }>;
    removed: readonly string[];
    message: string;
  },
): Promise<string> {
  const head = (await octokit.rest.git.getRef({ ...repo, ref: `heads/${change.base}` })).data.object.sha;
  const baseTree = (await octokit.rest.git.getCommit({ ...repo, commit_sha: head })).data.tree.sha;
  const written = await Promise.all(
    change.files.map(async (file) => {
      const blob = await octokit.rest.git.createBlob({ ...repo, content: file.content, encoding: 'utf-8' });
      return { path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha };
    }),
  );
  const removed = change.removed.map((path) => ({ path, mode: '100644' as const, type: 'blob' as const, sha: null }));
  const tree = await octokit.rest.git.createTree({ ...repo, base_tree: baseTree, tree: [...written, ...removed] });
  const commit = await octokit.rest.git.createCommit({ ...repo, message: change.message, tree: tree.data.sha, parents: [head] });
  const exists = await octokit.rest.git.getRef({ ...repo, ref: `heads/${change.branch}` }).then(
    () => true,
    (error: { status?: number }) => {
      if (error.status === 404) return false;
      throw error;
    },
  );
  if (exists) await octokit.rest.git.updateRef({ ...repo, ref: `heads/${change.branch}`, sha: commit.data.sha, force: true });
  else await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${change.branch}`, sha: commit.data.sha });
  return commit.data.sha;
}

/** Opens the pull request from `head` into `base`, or updates the one already open. */
export async function upsertPullRequest(
  octokit: Octokit,
  repo: RepoRef,
  pull: { head: string; base: string; title: string; body: string },
): Promise<{ number: number; created: boolean }> {
  const open = await octokit.rest.pulls.list({ ...repo, head: `${repo.owner}:${pull.head}`, base: pull.base, state: 'open' });
  const existing = open.data[0];
  if (existing) {
    await octokit.rest.pulls.update({ ...repo, pull_number: existing.number, title: pull.title, body: pull.body });
    return { number: existing.number, created: false };
  }
  const created = await octokit.rest.pulls.create({ ...repo, ...pull });
  return { number: created.data.number, created: true };
}
