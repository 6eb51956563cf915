import { type Failure, fail, verifyV3 } from '@jinliu/core';
import type { FastifyRequest } from 'fastify';
import type { NonceStore } from '../security/nonce-store.ts';
import type { AuthenticatedChannel, ChannelService } from '../services/channels.ts';
import { rawBodyOf } from './raw-body.ts';

const maxNonceLength = 128;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Splits the request target as sent into its path and its raw query (no re-encoding). */
export function splitTarget(url: string): { path: string; query: string } {
  const at = url.indexOf('?');
  return at === -1 ? { path: url, query: '' } : { path: url.slice(0, at), query: url.slice(at + 1) };
}

/**
 * Checks the LINE Pay v3 HMAC headers (reference §2.1) that every channel-signed face uses
 * (Online v3, My Card): the channel exists, the signature over the raw path and raw query or
 * body matches (timing-safe), and the nonce is fresh. Every failure is 1106; the nonce is
 * claimed only after the signature is valid, so forged requests cannot burn a merchant's nonces.
 */
export async function authenticateChannel(
  request: FastifyRequest,
  channels: ChannelService,
  nonces: NonceStore,
): Promise<{ ok: true; channel: AuthenticatedChannel } | { ok: false; failure: Failure }> {
  const refuse = (message: string) => ({ ok: false as const, failure: fail('1106', message) });
  const channelIdText = header(request, 'x-line-channelid');
  if (!channelIdText || !/^\d{1,19}$/.test(channelIdText)) {
    return refuse('X-LINE-ChannelId data is invalid');
  }
  const nonce = header(request, 'x-line-authorization-nonce');
  if (!nonce || nonce.length > maxNonceLength) {
    return refuse(`X-LINE-Authorization-Nonce must be 1 to ${maxNonceLength} characters`);
  }
  const signature = header(request, 'x-line-authorization');
  if (!signature) {
    return refuse('X-LINE-Authorization is missing');
  }
  const channel = await channels.lookup(BigInt(channelIdText));
  if (!channel) {
    return refuse('X-LINE-ChannelId data is invalid');
  }
  const { path, query } = splitTarget(request.url);
  const body = rawBodyOf(request.body);
  const payload = request.method === 'GET' ? Buffer.from(query, 'utf8') : body;
  if (
    !verifyV3(channel.secret, path, payload, nonce, signature, {
      bodiless: request.method !== 'GET' && body.length === 0,
    })
  ) {
    return refuse('X-LINE-Authorization is invalid: sign channelSecret + path + (query or body) + nonce');
  }
  if (!(await nonces.claim(channel.channelId, nonce))) {
    return refuse('X-LINE-Authorization-Nonce has already been used; send a new nonce with every request');
  }
  return { ok: true, channel };
}
