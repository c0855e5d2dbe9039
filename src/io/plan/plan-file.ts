import type { Plan } from '../../core/plan.js';
import { PLAN_FORMAT_VERSION } from '../../core/plan.js';
import { sealPlan } from '../../core/plan-seal.js';
import { UserError } from '../../core/user-error.js';
import { readBoundedFile } from '../fs/read-bounded-file.js';
import { writeTextAtomic } from '../fs/write-text-atomic.js';
import { schemaValidator } from '../schema/schema-validator.js';

/** The environment variable holding the key saved plans are signed with (HMAC-SHA256), e.g. from a CI secret. */
export const PLAN_KEY_ENV = 'CATALYST_PLAN_KEY';

/** The plan key configured in `env`, if any (an empty value is none). */
export function planKeyFrom(env: NodeJS.ProcessEnv): string | undefined {
  const key = env[PLAN_KEY_ENV];
  return key === undefined || key === '' ? undefined : key;
}

/**
 * Saves a plan for `catalyst apply <file>`: the plan document as `plan --json` prints it, sealed
 * with a digest over its whole content and, given a plan key, an HMAC signature (plan-seal.ts).
 */
export async function writePlanFile(path: string, plan: Plan, key?: string): Promise<void> {
  await writeTextAtomic(path, `${JSON.stringify(sealPlan(plan, key), null, 2)}\n`);
}

/** The largest saved plan catalyst reads (256 MiB); a bigger one is refused before it is read. */
export const MAX_PLAN_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a saved plan. A file that is not a catalyst plan, or one written by a catalyst with a
 * newer major format version, is refused with what to do; it is never half-applied.
 */
export async function readPlanFile(path: string, shownAs: string): Promise<Plan> {
  const read = await readBoundedFile(path, MAX_PLAN_FILE_BYTES);
  if (!read.ok && read.reason === 'too-large')
    throw new UserError(
      `Plan file ${shownAs} is too large`,
      `A saved plan is at most ${MAX_PLAN_FILE_BYTES / 1024 / 1024} MB (one for 5,000 changed types is far smaller), so this is not a plan catalyst wrote. Save a plan with \`catalyst plan --out ${shownAs}\`, then apply it.`,
    );
  if (!read.ok)
    throw new UserError(
      `Cannot read plan file ${shownAs}`,
      `The plan file cannot be used because ${read.message}. Save a plan with \`catalyst plan --out ${shownAs}\`, then apply it.`,
    );
  const text = read.bytes.toString('utf8');
  return parsePlanText(text, shownAs);
}

/** A saved plan's text, checked as readPlanFile checks it. */
export function parsePlanText(text: string, shownAs: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = `it is not JSON (${(error as Error).message})`;
    throw new UserError(
      `Cannot read plan file ${shownAs}`,
      `The plan file cannot be used because ${reason}. Save a plan with \`catalyst plan --out ${shownAs}\`, then apply it.`,
    );
  }
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'string' && version.split('.')[0] !== PLAN_FORMAT_VERSION.split('.')[0]) {
    throw new UserError(
      `Unsupported plan format ${version}`,
      `${shownAs} was written in plan format ${version}; this catalyst reads format ${PLAN_FORMAT_VERSION}. Make the plan and apply it with the same catalyst version.`,
    );
  }
  const errors = schemaValidator('plan.schema.json').validate(value);
  if (errors.length > 0) {
    const first = errors
      .slice(0, 3)
      .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim())
      .join('; ');
    throw new UserError(
      `${shownAs} is not a catalyst plan`,
      `The file does not match schemas/plan.schema.json (${first}). Save a plan with \`catalyst plan --out ${shownAs}\`, then apply it.`,
    );
  }
  return value as Plan;
}
