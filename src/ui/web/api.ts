import type { PlanDocument as Plan } from '../../core/generated/plan.js';
import type { RISK_CODES } from '../../core/risk-codes.js';

/** The token from the address `catalyst ui` printed; the API refuses requests without it. */
export const TOKEN = new URLSearchParams(location.search).get('token') ?? '';

/** An error the server answered with: what went wrong, what to do, and what the CLI would have printed. */
export class ApiError extends Error {
  constructor(
    readonly summary: string,
    readonly detail: string,
    readonly messages?: string,
  ) {
    super(summary);
  }
}

/** Calls the dashboard's API with the token; an error answer becomes an ApiError. */
export async function api<T>(path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { headers: { 'x-catalyst-token': TOKEN } };
  if (body !== undefined) {
    init.method = 'POST';
    init.headers = { 'x-catalyst-token': TOKEN, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const answer = (await response.json()) as T & { error?: { summary: string; detail: string; messages?: string } };
  if (!response.ok || answer.error)
    throw new ApiError(answer.error?.summary ?? `HTTP ${response.status}`, answer.error?.detail ?? '', answer.error?.messages);
  return answer;
}

/** The address of a job's progress events (EventSource sends no headers, so the token goes in the query). */
export function eventsUrl(job: string): string {
  return `/api/jobs/${encodeURIComponent(job)}/events?token=${encodeURIComponent(TOKEN)}`;
}

export const targetPath = (name: string) => `/api/targets/${encodeURIComponent(name)}`;

export interface Project {
  root: string;
  defaultTarget: string | null;
  targets: Array<{ name: string; platform: string }>;
  kinds: Record<string, { label: string; plural: string }>;
  riskCodes: typeof RISK_CODES;
}

export interface PlannedAnswer {
  plan: Plan;
  /** The changes digest the apply request sends back. */
  changes: string;
  /** Whether applying the plan would change anything (the CMS, the YAML or the lockfile). */
  hasChanges: boolean;
}

/** Any failure of a call as an ApiError: one the server answered with, or the server not answering at all. */
export function asApiError(caught: unknown): ApiError {
  if (caught instanceof ApiError) return caught;
  return new ApiError('The dashboard server did not answer', 'Check that `catalyst ui` is still running, then reload the page.');
}
