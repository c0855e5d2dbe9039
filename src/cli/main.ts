import { hideBin } from 'yargs/helpers';
import { runCatalyst } from './run-catalyst.js';

process.exitCode = await runCatalyst(hideBin(process.argv));
