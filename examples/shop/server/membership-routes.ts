// The binding page's routes (/membership/bind, drawn on the server) and the club's logo. Its
// forms are ordinary urlencoded posts, parsed only inside this plugin.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ShopContext } from './context.ts';
import { type BindForm, type BindPage, openBindPage, submitBindForm } from './membership-bind.ts';
import { clubLogoSvg } from './membership-logo.ts';
import { bindPagePolicy, renderBindError, renderBindForm } from './membership-pages.ts';

function send(reply: FastifyReply, page: BindPage, walletOrigin: string | undefined): FastifyReply {
  reply.header('cache-control', 'no-store').header('content-security-policy', bindPagePolicy(walletOrigin));
  if (page.kind === 'redirect') {
    return reply.code(303).header('location', page.location).send();
  }
  return reply
    .code(page.status)
    .type('text/html; charset=utf-8')
    .send(page.kind === 'form' ? renderBindForm(page) : renderBindError(page));
}

/** Registers /membership/bind (GET and POST) and /membership/logo.svg. */
export async function membershipRoutes(app: FastifyInstance, opts: { ctx: ShopContext }): Promise<void> {
  const { ctx } = opts;
  const walletOrigin = ctx.membership?.walletOrigin;

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8 * 1024 },
    (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(String(body))) {
        // The first value of a repeated field counts; later ones cannot override it.
        fields[key] ??= value;
      }
      done(null, fields);
    },
  );

  app.get('/membership/logo.svg', async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(clubLogoSvg),
  );

  app.get('/membership/bind', async (request, reply) =>
    send(reply, await openBindPage(ctx, request.url), walletOrigin),
  );

  app.post('/membership/bind', async (request, reply) => {
    const body = request.body;
    const form: BindForm = body !== null && typeof body === 'object' ? (body as BindForm) : {};
    return send(reply, await submitBindForm(ctx, form), walletOrigin);
  });
}
