import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../plugins/metrics.ts';
import type { SignedRoute } from '../../plugins/signed-routes.ts';
import { registerSignedRoutes } from '../../plugins/signed-routes.ts';
import type { Services } from '../../services/container.ts';
import { registerBrowserRoutes } from './browser-routes.ts';
import { applyRoute, unbindRoute } from './routes/bindings.ts';
import { createCampaignRoute, listCampaignsRoute } from './routes/campaigns.ts';
import { eventsRoute } from './routes/events.ts';
import { acceptInviteRoute, addMemberRoute, createGroupRoute, getGroupRoute } from './routes/groups.ts';
import {
  createProgramRoute,
  getProgramRoute,
  listProgramsRoute,
  rotateKeyRoute,
  updateProgramRoute,
} from './routes/programs.ts';

/** The merchant-facing My Card endpoints, all signed like Online v3. */
export const myCardRoutes: readonly SignedRoute[] = [
  createProgramRoute,
  listProgramsRoute,
  getProgramRoute,
  updateProgramRoute,
  rotateKeyRoute,
  applyRoute,
  unbindRoute,
  createGroupRoute,
  getGroupRoute,
  addMemberRoute,
  acceptInviteRoute,
  createCampaignRoute,
  listCampaignsRoute,
  eventsRoute,
];

async function merchantApi(
  app: FastifyInstance,
  opts: { services: Services; metrics: Metrics },
): Promise<void> {
  registerSignedRoutes(app, { ...opts, routes: myCardRoutes, label: 'mycard' });
}

async function browserFace(app: FastifyInstance, opts: { services: Services }): Promise<void> {
  registerBrowserRoutes(app, opts.services);
}

/**
 * The My Card face: the merchant API under /v1/mycard (LINE Pay-shaped, HMAC-signed like
 * Online v3, HTTP 200 envelope), the public JWK sets, and the browser callback that
 * completes a binding.
 */
export async function myCardFace(
  app: FastifyInstance,
  opts: { services: Services; metrics: Metrics },
): Promise<void> {
  await app.register(browserFace, { services: opts.services });
  await app.register(merchantApi, opts);
}
