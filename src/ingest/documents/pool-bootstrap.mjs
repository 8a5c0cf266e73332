// Starts an extraction worker process (pool.ts): the worker module named by the first argument, its TypeScript
// through tsx as bin/room39.js runs the sources (the compiled build's .js needs no loader).
if (process.argv[2].endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(process.argv[2]);
