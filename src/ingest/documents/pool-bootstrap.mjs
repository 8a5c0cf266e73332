// Starts an extraction worker process (pool.ts): TypeScript through tsx, as
// bin/room39.js does for the server, then the worker module named by the
// first argument.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
