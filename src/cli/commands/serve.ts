/** `room39 serve`: its name and options; what it does (the server and everything it starts) is in serve-run.ts, loaded only when serve runs. */
import type { CliCommand } from '../command.ts';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the web app and the HTTP API (fills an empty data directory from the bundled dataset on first start).',
  usage: 'serve [--port 3939] [--host 127.0.0.1] [--data DIR] [--update-every HOURS (official lists; default 6, 0 = never)]',
  options: { port: { type: 'string' }, host: { type: 'string' }, 'update-every': { type: 'string' } },
  holdsDataDir: true,
  async run(ctx) {
    const { runServe } = await import('./serve-run.ts');
    return runServe(ctx);
  },
};
