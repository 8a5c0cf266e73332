/** Every API surface, one line each. */
import type { RouteRegistrar } from '../context.ts';
import { registerGraphRoutes } from './graph.ts';
import { registerAtlasRoutes } from './atlas.ts';
import { registerEstimateRoutes } from './estimate.ts';
import { registerAuthRoutes } from './auth.ts';
import { registerTestimonyRoutes } from './testimony.ts';
import { registerChangesRoutes } from './changes.ts';

export const routeRegistrars: RouteRegistrar[] = [
  registerGraphRoutes,
  registerAtlasRoutes,
  registerEstimateRoutes,
  registerAuthRoutes,
  registerTestimonyRoutes,
  registerChangesRoutes,
];
