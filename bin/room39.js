#!/usr/bin/env node
// The room39 command. Runs the TypeScript sources through tsx, so a checkout
// works without a separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
