// A merchant-facing My Card endpoint is a signed LINE Pay-shaped route (plugins/signed-routes.ts).
export type {
  SignedContext as MyCardContext,
  SignedRoute as MyCardRoute,
} from '../../plugins/signed-routes.ts';
