/** The one place configuration is read (environment and defaults). */
import path from 'node:path';

export interface Settings {
  /** PGlite data directory, used when no DATABASE_URL is set. */
  dataDir: string;
  /** PostgreSQL connection string; when set, the server database is used instead of PGlite. */
  databaseUrl: string | null;
  port: number;
  host: string;
  /** Repository root: where the bundled dataset and list snapshots live. */
  bundleRoot: string;
}

export const REPO_ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

export function readSettings(overrides: Partial<Settings> = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const port = overrides.port ?? (env.ROOM39_PORT ? Number(env.ROOM39_PORT) : 3939);
  return {
    dataDir: path.resolve(overrides.dataDir ?? env.ROOM39_DATA ?? path.join(process.cwd(), '.room39')),
    databaseUrl: overrides.databaseUrl !== undefined ? overrides.databaseUrl : (env.DATABASE_URL || null),
    port,
    host: overrides.host ?? env.ROOM39_HOST ?? '127.0.0.1',
    bundleRoot: overrides.bundleRoot ?? env.ROOM39_BUNDLE ?? REPO_ROOT,
  };
}
