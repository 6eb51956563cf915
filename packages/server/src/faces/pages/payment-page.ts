import { effectiveStatus, formatWireAmount, type PayMethod } from '@jinliu/core';
import { findChannel, findPaymentByReserveId, listUsers, type PaymentRow } from '@jinliu/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rawBodyOf } from '../../plugins/raw-body.ts';
import type { Services } from '../../services/container.ts';
import {
  approvePayment,
  cancelPayment,
  type StoredRequest,
  storedPackages,
} from '../../services/payments/index.ts';
import { escapeHtml, page } from './html.ts';

/**
 * A basic server-rendered payment page (no JavaScript): pick a test user and a method, then
 * approve (the browser goes to confirmUrl) or cancel (to cancelUrl). The web package's
 * checkout is the real one; this page serves paymentUrl only when that app is not built.
 */
export async function paymentPages(
  app: FastifyInstance,
  opts: { services: Services; servePaymentUrls: boolean },
): Promise<void> {
  const { services } = opts;
  const show = async (reserveId: string, reply: FastifyReply, error?: string) => {
    const p = await findPaymentByReserveId(services.db, reserveId);
    if (!p) {
      return reply
        .code(404)
        .type('text/html')
        .send(
          page(
            'Not found',
            '<div class="card"><h1>Payment not found</h1><p class="muted">The link is wrong or the payment no longer exists.</p></div>',
          ),
        );
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await render(services, p, reserveId, error));
  };
  app.get('/pay/basic/:reserveId', { schema: { hide: true } }, async (request, reply) =>
    show((request.params as { reserveId: string }).reserveId, reply),
  );
  if (opts.servePaymentUrls) {
    // Without the built web app, paymentUrl.web and paymentUrl.app lead to this page.
    app.get('/web/payment/wait', { schema: { hide: true } }, async (request, reply) =>
      show(String((request.query as { transactionReserveId?: string }).transactionReserveId ?? ''), reply),
    );
    app.get('/app/payment/:reserveId', { schema: { hide: true } }, async (request, reply) =>
      show((request.params as { reserveId: string }).reserveId, reply),
    );
  }
  app.post('/pay/basic/:reserveId/decision', { schema: { hide: true } }, async (request, reply) => {
    const reserveId = (request.params as { reserveId: string }).reserveId;
    if (services.config.mode !== 'sandbox') {
      // Choosing who pays is a sandbox stand-in; live approvals need a signed-in wallet user.
      return reply.code(403).type('text/html').send(page('Sign-in required', liveNotice));
    }
    if (!sameOrigin(request, services.config.publicUrl)) {
      return reply
        .code(403)
        .type('text/html')
        .send(
          page(
            'Refused',
            '<div class="card"><h1>Request refused</h1><p class="muted">The form was not sent from this site.</p></div>',
          ),
        );
    }
    const p = await findPaymentByReserveId(services.db, reserveId);
    if (!p) {
      return show(reserveId, reply);
    }
    const form = new URLSearchParams(rawBodyOf(request.body).toString('utf8'));
    if (form.get('decision') === 'cancel') {
      const r = await cancelPayment(services.payments, p.transactionId);
      return r.ok && r.value.redirectUrl
        ? reply.redirect(r.value.redirectUrl, 303)
        : show(reserveId, reply, r.ok ? undefined : r.message);
    }
    const method = (form.get('method') ?? 'BALANCE') as PayMethod;
    const r = await approvePayment(services.payments, p.transactionId, {
      userId: form.get('userId') ?? '',
      method: ['BALANCE', 'CREDIT_CARD', 'POINT'].includes(method) ? method : 'BALANCE',
      ...(form.get('cardNumber') ? { cardNumber: form.get('cardNumber') ?? '' } : {}),
    });
    if (!r.ok) {
      return show(reserveId, reply, r.message ?? r.code);
    }
    if (r.value.redirectUrl) {
      return reply.redirect(r.value.redirectUrl, 303);
    }
    return show(reserveId, reply);
  });
}

const liveNotice =
  '<div class="card"><h1>Sign-in required</h1><p class="muted">Approving payments needs a signed-in wallet user. ' +
  'This deployment runs in live mode without a configured sign-in provider.</p></div>';

function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin ?? request.headers.referer;
  if (!origin) {
    return false;
  }
  try {
    const o = new URL(origin);
    const host = request.headers.host;
    return o.host === host || o.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

async function render(services: Services, p: PaymentRow, reserveId: string, error?: string): Promise<string> {
  const channel = await findChannel(services.db, p.channelId);
  const status = effectiveStatus(p, services.clock.now());
  const money = (minor: bigint) => `${p.currency} ${formatWireAmount(minor, p.currency)}`;
  const lines = storedPackages(p.request as StoredRequest)
    .flatMap((pkg) => pkg.products)
    .map(
      (x) =>
        `<div class="row"><span>${escapeHtml(x.name)} × ${x.quantity}</span><span>${money(x.price * BigInt(x.quantity))}</span></div>`,
    )
    .join('');
  const head = `<div class="card"><h1>${escapeHtml(channel?.merchantName ?? 'Merchant')}</h1><div class="muted">Order ${escapeHtml(p.orderId)}</div>
    <div class="amount">${money(p.amount)}</div>${lines}</div>`;
  if (status !== 'REQUESTED') {
    const words: Record<string, string> = {
      AUTHENTICATED: 'Approved. Waiting for the merchant to complete the payment.',
      EXPIRED: 'This payment request has expired.',
      CANCELLED: 'This payment was cancelled.',
      FAILED: 'This payment failed.',
    };
    return page(
      'Payment',
      `${head}<div class="card"><h1>${escapeHtml(words[status] ?? 'This payment is complete.')}</h1></div>`,
    );
  }
  if (services.config.mode !== 'sandbox') {
    return page('Pay', `${head}${liveNotice}`);
  }
  const users = await listUsers(services.db, 50);
  const options = users
    .map((u) => `<option value="${escapeHtml(u.userId)}">${escapeHtml(u.displayName)}</option>`)
    .join('');
  return page(
    'Pay',
    `${head}${error ? `<div class="error" role="alert">${escapeHtml(error)}</div>` : ''}
    <form class="card" method="post" action="/pay/basic/${encodeURIComponent(reserveId)}/decision">
      <label for="userId">Pay as (sandbox test user)</label><select id="userId" name="userId">${options}</select>
      <label for="method">Payment method</label>
      <select id="method" name="method"><option value="BALANCE">Balance</option><option value="CREDIT_CARD">Saved card</option><option value="POINT">Points</option></select>
      <button class="primary" name="decision" value="approve" type="submit">Pay ${money(p.amount)}</button>
      <button class="secondary" name="decision" value="cancel" type="submit">Cancel</button>
    </form>`,
  );
}
