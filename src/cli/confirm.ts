import { createInterface } from 'node:readline/promises';
import { UserError } from '../core/user-error.js';
import type { CliContext } from './cli-context.js';

/**
 * Asks before writing, as `terraform apply` does: only "yes" proceeds. Without a terminal there
 * is nobody to ask, so the caller must have passed --auto-approve.
 */
export async function confirmApply(context: CliContext, question: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new UserError(
      'Approval needed',
      'apply writes to the CMS and there is no terminal to ask for approval. Review the plan, then run apply again with --auto-approve (in CI, apply a saved plan: `catalyst apply plan.json`).',
    );
  }
  const prompt = createInterface({ input: process.stdin, output: context.stdout });
  try {
    const answer = await prompt.question(`${question}\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `);
    return answer.trim() === 'yes';
  } finally {
    prompt.close();
  }
}
