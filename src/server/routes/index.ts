/** Every API surface, one line each. */
import type { RouteRegistrar } from '../context.ts';
import { registerGraphRoutes } from './graph.ts';
import { registerAtlasRoutes } from './atlas.ts';
import { registerEstimateRoutes } from './estimate.ts';
import { registerAuthRoutes } from './auth.ts';
import { registerTestimonyRoutes } from './testimony.ts';
import { registerChangesRoutes } from './changes.ts';
import { registerListRoutes } from './lists.ts';
import { registerDocumentRoutes } from './documents.ts';
import { registerReviewRoutes } from './review.ts';
import { registerScreenRoutes } from './screen.ts';
import { registerMatchRoutes } from './match.ts';
import { registerReconcileRoutes } from './reconcile.ts';
import { registerResolveRoutes } from './resolve.ts';
import { registerYenteRoutes } from './yente.ts';
import { registerCaseRoutes } from './cases.ts';

export const routeRegistrars: RouteRegistrar[] = [
  registerGraphRoutes,
  registerAtlasRoutes,
  registerEstimateRoutes,
  registerAuthRoutes,
  registerTestimonyRoutes,
  registerChangesRoutes,
  registerListRoutes,
  registerDocumentRoutes,
  registerReviewRoutes,
  registerScreenRoutes,
  registerMatchRoutes,
  registerReconcileRoutes,
  registerResolveRoutes,
  registerYenteRoutes,
  registerCaseRoutes,
];
