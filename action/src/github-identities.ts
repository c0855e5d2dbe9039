import { context } from '@actions/github';
import type { AccessPolicy, Identity } from '../../src/core/access-policy.js';
import type { Octokit } from './octokit.js';

/** Who acts in an apply after a merge, as GitHub knows them: the actor, and who approved the pull request, with the policy's teams each belongs to. */
export interface GitHubIdentities {
  actor: Identity;
  approvals: Identity[];
}

/**
 * The actor of this run and the people whose latest review of `pullRequest` approves it (a later
 * "changes requested" or a dismissal withdraws an approval) and was given on `headSha`, the commit
 * that was merged (an approval of an earlier commit did not see what came after it), each with the
 * `@org/team` teams of the policy they are active members of, as GitHub's API says.
 */
export async function gitHubIdentities(
  octokit: Octokit,
  policy: AccessPolicy,
  pullRequest: number,
  headSha: string,
): Promise<GitHubIdentities> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...context.repo, pull_number: pullRequest, per_page: 100 });
  const latest = new Map<string, { state: string; commit: string | null }>();
  for (const review of reviews) {
    const login = review.user?.login;
    if (login && review.state !== 'COMMENTED' && review.state !== 'PENDING')
      latest.set(login, { state: review.state, commit: review.commit_id });
  }
  const approvers = [...latest]
    .filter(([login, { state, commit }]) => state === 'APPROVED' && commit === headSha && login !== context.actor)
    .map(([login]) => login);
  const teams = policyTeams(policy);
  const identity = async (login: string): Promise<Identity> => ({ login, teams: await teamsOf(octokit, login, teams), source: 'ci' });
  return { actor: await identity(context.actor), approvals: await Promise.all(approvers.map(identity)) };
}

/** Every `@org/team` the policy names, as `org/team`. */
function policyTeams(policy: AccessPolicy): string[] {
  const named = [
    ...policy.roles.values(),
    ...[...policy.targets.values()].flatMap((rules) => Object.values(rules.grants).map((grant) => grant.holders)),
  ];
  return [
    ...new Set(
      named
        .flat()
        .filter((entry) => /^@[^/]+\/.+$/.test(entry))
        .map((entry) => entry.slice(1)),
    ),
  ];
}

/** The teams (of `teams`) `login` is an active member of; a token that may not read a team fails with what to grant. */
async function teamsOf(octokit: Octokit, login: string, teams: readonly string[]): Promise<string[]> {
  const member = await Promise.all(
    teams.map(async (team) => {
      const [org, slug] = team.split('/') as [string, string];
      try {
        const membership = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
        return membership.data.state === 'active';
      } catch (error) {
        if ((error as { status?: number }).status === 404) return false;
        throw new Error(
          `GitHub did not say whether @${login} is in the team @${team} (HTTP ${(error as { status?: number }).status ?? '?'}). The access policy names the team, so the Action's github-token must be able to read the organization's teams (a GitHub App or fine-grained token with "Members: read").`,
          { cause: error },
        );
      }
    }),
  );
  return teams.filter((_, index) => member[index]);
}
