import type { CommandModule } from 'yargs';

type Loader = () => Promise<CommandModule<object, any>>;

/** Every catalyst verb by name, one module each under this folder, loaded only when needed. */
export const COMMANDS: Readonly<
  Record<
    | 'init'
    | 'validate'
    | 'plan'
    | 'apply'
    | 'pull'
    | 'resolve'
    | 'show'
    | 'status'
    | 'login'
    | 'logout'
    | 'import'
    | 'export'
    | 'emulator'
    | 'force-unlock'
    | 'history'
    | 'rollback'
    | 'ui',
    Loader
  >
> = {
  init: () => import('./init.js').then((module) => module.initCommand),
  validate: () => import('./validate.js').then((module) => module.validateCommand),
  plan: () => import('./plan.js').then((module) => module.planCommand),
  apply: () => import('./apply.js').then((module) => module.applyCommand),
  pull: () => import('./pull.js').then((module) => module.pullCommand),
  resolve: () => import('./resolve.js').then((module) => module.resolveCommand),
  show: () => import('./show.js').then((module) => module.showCommand),
  status: () => import('./status.js').then((module) => module.statusCommand),
  login: () => import('./login.js').then((module) => module.loginCommand),
  logout: () => import('./logout.js').then((module) => module.logoutCommand),
  import: () => import('./import.js').then((module) => module.importCommand),
  export: () => import('./export.js').then((module) => module.exportCommand),
  emulator: () => import('./emulator.js').then((module) => module.emulatorCommand),
  'force-unlock': () => import('./force-unlock.js').then((module) => module.forceUnlockCommand),
  history: () => import('./history.js').then((module) => module.historyCommand),
  rollback: () => import('./rollback.js').then((module) => module.rollbackCommand),
  ui: () => import('./ui.js').then((module) => module.uiCommand),
};

/**
 * The commands yargs needs for these arguments: only the one named when its name comes first
 * (so `catalyst validate` never loads the emulator or SQLite), every one for help, a typo or
 * anything else, so usage, suggestions and errors stay complete.
 */
export async function loadCommands(argv: readonly string[]): Promise<Array<CommandModule<object, any>>> {
  const first = argv.find((arg) => !arg.startsWith('-'));
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [await COMMANDS[first as keyof typeof COMMANDS]()];
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}
