import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/container.ts';
import { createOidcSignIn, type OidcFlowState, safeReturnTo } from '../../services/oidc-sign-in.ts';
import type { SessionCodec } from './session.ts';

const flowCookie = 'jinliu_oidc';

/**
 * Wallet sign-in through the configured OpenID Connect provider (LINE Login is one):
 * `/api/session/oidc/start?returnTo=/wallet` sends the browser to the provider with PKCE, state
 * and nonce kept in a signed ten-minute cookie; the callback checks them, creates the wallet
 * user on first sign-in, and signs the browser in.
 */
export function registerOidcRoutes(app: FastifyInstance, services: Services, sessions: SessionCodec): void {
  const settings = services.config.oidc;
  if (!settings) {
    return;
  }
  const redirectUri = `${services.config.publicUrl}/api/session/oidc/callback`;
  const signIn = createOidcSignIn(settings, redirectUri, services.db, services.clock);

  app.get('/api/session/oidc/start', { schema: { hide: true } }, async (request, reply) => {
    const { url, flow } = await signIn.start(
      safeReturnTo((request.query as { returnTo?: unknown }).returnTo),
    );
    sessions.writeSigned(reply, flowCookie, flow, 600);
    return reply.redirect(url.href, 302);
  });

  app.get('/api/session/oidc/callback', { schema: { hide: true } }, async (request, reply) => {
    const flow = sessions.readSigned(request, flowCookie) as OidcFlowState | undefined;
    // Failures go back to the sign-in page, which explains them in the shopper's language.
    const back = (error: string, returnTo = '/wallet') =>
      reply.redirect(`/wallet/signin?returnTo=${encodeURIComponent(returnTo)}&error=${error}`, 302);
    if (!flow) {
      return back('sign_in_expired');
    }
    try {
      const userId = await signIn.finish(new URL(request.url, services.config.publicUrl), flow);
      reply.clearCookie(flowCookie, { path: '/' });
      sessions.write(reply, userId);
      return reply.redirect(flow.returnTo, 302);
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect sign-in failed');
      return back('sign_in_failed', flow.returnTo);
    }
  });
}
