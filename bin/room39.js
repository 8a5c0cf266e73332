#!/usr/bin/env node
// The room39 command. Runs the compiled JavaScript of dist/ when it was built from the src/ that is here now
// (`npm run build:cli`; `npm start` and `npm test` build it), otherwise the TypeScript sources through tsx, so a
// checkout works without a compile step. Compiled, a command starts about a second of CPU sooner.
import { fileURLToPath } from 'node:url';
import { compiledEntry } from './compiled-build.js';

const compiled = compiledEntry(fileURLToPath(new URL('..', import.meta.url)));
if (compiled) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
