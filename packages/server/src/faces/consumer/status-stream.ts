import { stringifyJson } from '@jinliu/core';
import { claimStartBrowser } from '@jinliu/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkoutByReserveId, type PaymentDeps } from '../../services/payments/index.ts';
import { existingBrowser } from './guard.ts';
import { checkoutJson } from './render.ts';

const pollMs = 1000;
const keepAliveMs = 15_000;
const maxStreamMs = 25 * 60_000;

/**
 * Server-sent events for one checkout: the current view at once, then every change. The
 * stream reads the database (so it works whichever node approved the payment) and ends at a
 * final state, after 25 minutes, or when the browser goes away. Pages fall back to polling
 * GET /api/checkout/{reserveId} when EventSource is unavailable.
 */
export async function streamCheckout(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PaymentDeps,
  reserveId: string,
) {
  const first = await checkoutByReserveId(deps, reserveId);
  if (!first) {
    return reply
      .code(404)
      .send({ error: { code: '1150', message: 'payment not found', requestId: request.id } });
  }
  const browser = existingBrowser(request);
  const startedHere = browser !== undefined && (await claimStartBrowser(deps.db, reserveId, browser));
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-request-id': request.id,
  });
  let last = '';
  let closed = false;
  request.raw.on('close', () => {
    closed = true;
  });
  const started = Date.now();
  let lastWrite = Date.now();
  const send = (data: string) => {
    res.write(`event: status\ndata: ${data}\n\n`);
    lastWrite = Date.now();
  };
  let view = first;
  let lastOffset = Number.NaN;
  while (!closed && Date.now() - started < maxStreamMs) {
    const json = checkoutJson(view, startedHere);
    // The server time always moves; news is any other change, or the platform clock jumping
    // (the sandbox clock moved), which the page's countdown must follow.
    const key = stringifyJson({ ...json, serverTime: '' });
    const offset = view.serverTime.getTime() - Date.now();
    if (key !== last || !(Math.abs(offset - lastOffset) < 2000)) {
      lastOffset = offset;
      send(stringifyJson(json));
      last = key;
    } else if (Date.now() - lastWrite > keepAliveMs) {
      res.write(': keep-alive\n\n');
      lastWrite = Date.now();
    }
    if (view.status !== 'WAITING') {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    view = (await checkoutByReserveId(deps, reserveId)) ?? view;
  }
  res.end();
}
