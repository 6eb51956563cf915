// A v3 endpoint is a signed LINE Pay-shaped route (plugins/signed-routes.ts, shared with My Card).
export type { SignedContext as V3Context, SignedRoute as V3Route } from '../../plugins/signed-routes.ts';
