/** What every route can reach: the opened services. */
import type { Hono } from 'hono';
import type { Services } from '../services.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
  };
}

export type App = Hono<AppEnv>;

export type RouteRegistrar = (app: App, services: Services) => void;
