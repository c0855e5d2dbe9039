import type { CommandModule } from 'yargs';
import { applyCommand } from './apply.js';
import { emulatorCommand } from './emulator.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { planCommand } from './plan.js';
import { statusCommand } from './status.js';
import { validateCommand } from './validate.js';

/** Every catalyst verb, one module each under this folder. */
export const commands: Array<CommandModule<object, any>> = [validateCommand, planCommand, applyCommand, statusCommand, importCommand, exportCommand, emulatorCommand];
