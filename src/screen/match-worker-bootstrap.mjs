// Starts a matching worker thread (match-pool.ts): TypeScript through tsx, as bin/room39.js does for the
// server, then the worker module named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
