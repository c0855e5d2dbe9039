import * as core from '@actions/core';

export type ActionCommand = 'plan' | 'apply' | 'drift';

/** The Action's inputs, read and checked in one place (action.yml names them). */
export interface ActionInputs {
  command: ActionCommand;
  workingDirectory: string;
  /** Undefined: every target in the config. */
  target?: string;
  token: string;
  allowDestructive: boolean;
  comment: boolean;
}

export function readInputs(): ActionInputs {
  const command = core.getInput('command', { required: true });
  if (command !== 'plan' && command !== 'apply' && command !== 'drift')
    throw new Error(`Input "command" is "${command}"; use plan, apply or drift.`);
  const target = core.getInput('target');
  return {
    command,
    workingDirectory: core.getInput('working-directory') || '.',
    ...(target ? { target } : {}),
    token: core.getInput('github-token'),
    allowDestructive: core.getBooleanInput('allow-destructive'),
    comment: core.getBooleanInput('comment'),
  };
}
