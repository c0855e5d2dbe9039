import type { CommandModule } from 'yargs';
import { emulatorCommand } from './emulator.js';

/** Every catalyst verb, one module each under this folder. */
export const commands: Array<CommandModule<object, any> & { exitCode?: number }> = [emulatorCommand];
