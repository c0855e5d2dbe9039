import { createHmac, timingSafeEqual } from 'node:crypto';
import { digest } from './digest.js';
import type { Plan } from './plan.js';

/**
 * Seals a plan for saving: `integrity.digest` covers the whole plan (canonical JSON, without
 * `integrity`), and with a plan key (CATALYST_PLAN_KEY) `integrity.signature` is the HMAC-SHA256
 * of that digest, which only holders of the key can make.
 */
export function sealPlan(plan: Plan, key?: string): Plan {
  const contentDigest = planDigest(plan);
  return { ...unsealed(plan), integrity: { digest: contentDigest, ...(key ? { signature: signatureOf(contentDigest, key) } : {}) } };
}

/**
 * Why a saved plan's seal does not hold, in words; empty when it holds. Without a key, a plan
 * whose digest matches its content passes (an unsigned file is accepted); with a key, the
 * signature must be present and made with that key.
 */
export function planSealProblems(plan: Plan, key?: string): string[] {
  const { integrity } = plan;
  if (!integrity) return ['it has no integrity digest (save it again with `catalyst plan --out`)'];
  const problems: string[] = [];
  if (planDigest(plan) !== integrity.digest) problems.push('its content does not match its integrity digest');
  if (key) {
    if (integrity.signature === undefined) problems.push('it is not signed, but a plan key (CATALYST_PLAN_KEY) is configured');
    else if (!sameText(integrity.signature, signatureOf(integrity.digest, key)))
      problems.push('its signature was not made with the configured plan key');
  }
  return problems;
}

function planDigest(plan: Plan): string {
  return digest(unsealed(plan));
}

function unsealed(plan: Plan): Plan {
  const { integrity: _integrity, ...rest } = plan;
  return rest;
}

function signatureOf(contentDigest: string, key: string): string {
  return `hmac-sha256:${createHmac('sha256', key).update(contentDigest).digest('hex')}`;
}

function sameText(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}
