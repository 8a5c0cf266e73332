/** Every API surface, one line each. */
import type { RouteRegistrar } from '../context.ts';
import { registerGraphRoutes } from './graph.ts';

export const routeRegistrars: RouteRegistrar[] = [
  registerGraphRoutes,
];
