/** Every room39 command, one line each. */
import type { CliCommand } from '../command.ts';
import { serveCommand } from './serve.ts';
import { searchCommand } from './search.ts';
import { entityCommand } from './entity.ts';
import { estimateCommand } from './estimate.ts';

export const commands: CliCommand[] = [
  serveCommand,
  searchCommand,
  entityCommand,
  estimateCommand,
];
