// Starts an extraction worker thread (pool.ts): TypeScript through tsx, as
// bin/room39.js does for the main thread, then the worker module itself.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
