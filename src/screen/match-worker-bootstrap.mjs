// Starts a matching worker thread (match-pool.ts): the worker module named in workerData.entry, its TypeScript
// through tsx as bin/room39.js runs the sources (the compiled build's .js needs no loader).
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
