import { serve } from '@hono/node-server';
import { optInt, optString, type CliCommand } from '../command.ts';
import { createApp } from '../../server/app.ts';
import { listenLocalSocket, type LocalSocket } from '../../server/local-socket.ts';
import { CaseJobs } from '../../cases/jobs.ts';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the web app and the HTTP API (fills an empty data directory from the bundled dataset on first start).',
  usage: 'serve [--port 3939] [--host 127.0.0.1] [--data DIR]',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  holdsDataDir: true,
  async run(ctx) {
    const port = optInt(ctx.args, 'port', ctx.settings.port, 0, 65535);
    const host = optString(ctx.args, 'host') ?? ctx.settings.host;
    ctx.log(`room39: opening ${ctx.settings.databaseUrl ? 'the PostgreSQL database' : `the data directory ${ctx.settings.dataDir}`}…`);
    const services = await ctx.services();
    const b = services.bundle;
    ctx.log(b.curated === 'loaded' ? `room39: loaded the curated dataset (${b.statements} statements, ${b.figures} figures)` : 'room39: curated dataset is current');
    for (const l of b.lists) ctx.log(`room39: ${l.name}: ${l.status}`);
    const app = createApp(services);
    // The command line works through the server while it holds an embedded data directory (src/server/local-socket.ts).
    const local: LocalSocket | null = ctx.settings.databaseUrl ? null : await listenLocalSocket(services, ctx.log);
    if (local) ctx.log(`room39: commands on this machine reach the store through ${local.path}`);
    // Cases are re-screened in the background when a list version is imported (jobs kept in the store).
    const jobs = await CaseJobs.start({ db: services.db, databaseUrl: ctx.settings.databaseUrl, bundleRoot: ctx.settings.bundleRoot, log: ctx.log })
      .catch((e: Error) => { ctx.log(`room39: case re-screening jobs not started: ${e.message}`); return null; });
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
        ctx.log(`room39: serving http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${info.port}`);
      });
      const stop = () => {
        ctx.log('room39: stopping');
        void jobs?.stop().catch(() => undefined);
        // Commands still running through the socket are cut off; their open transactions roll back before the store closes.
        void (local ? local.close() : Promise.resolve()).finally(() => server.close(() => resolve()));
        setTimeout(() => resolve(), 3000).unref();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return { json: { stopped: true }, text: '' };
  },
};
