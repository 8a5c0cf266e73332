/** Every room39 command, one line each. */
import type { CliCommand } from '../command.ts';
import { serveCommand } from './serve.ts';
import { searchCommand } from './search.ts';
import { entityCommand } from './entity.ts';
import { estimateCommand } from './estimate.ts';
import { userCommand } from './user.ts';
import { auditCommand } from './audit.ts';
import { testimonyCommand } from './testimony.ts';
import { keysCommand } from './keys.ts';
import { importCommand } from './import.ts';
import { listsCommand } from './lists.ts';
import { diffCommand } from './diff.ts';
import { exportCommand } from './export.ts';
import { extractCommand } from './extract.ts';
import { reviewCommand } from './review.ts';
import { screenCommand } from './screen.ts';
import { resolveCommand } from './resolve.ts';
import { caseCommand } from './case.ts';

export const commands: CliCommand[] = [
  serveCommand,
  searchCommand,
  entityCommand,
  estimateCommand,
  userCommand,
  auditCommand,
  testimonyCommand,
  keysCommand,
  importCommand,
  listsCommand,
  diffCommand,
  exportCommand,
  extractCommand,
  reviewCommand,
  screenCommand,
  resolveCommand,
  caseCommand,
];
