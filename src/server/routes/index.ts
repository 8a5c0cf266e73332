/** Every API surface, one line each. */
import type { RouteRegistrar } from '../context.ts';
import { registerGraphRoutes } from './graph.ts';
import { registerAtlasRoutes } from './atlas.ts';
import { registerEstimateRoutes } from './estimate.ts';

export const routeRegistrars: RouteRegistrar[] = [
  registerGraphRoutes,
  registerAtlasRoutes,
  registerEstimateRoutes,
];
