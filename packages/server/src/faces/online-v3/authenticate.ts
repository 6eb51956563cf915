import type { FastifyRequest } from 'fastify';
import { authenticateChannel } from '../../plugins/channel-signature.ts';
import type { NonceStore } from '../../security/nonce-store.ts';
import type { AuthenticatedChannel, ChannelService } from '../../services/channels.ts';
import { failureAnswer, type V3Answer } from './envelope.ts';

export { splitTarget } from '../../plugins/channel-signature.ts';

/** The v3 HMAC check (shared with My Card, see plugins/channel-signature.ts), answered as a v3 envelope. */
export async function authenticateV3(
  request: FastifyRequest,
  channels: ChannelService,
  nonces: NonceStore,
): Promise<{ ok: true; channel: AuthenticatedChannel } | { ok: false; answer: V3Answer }> {
  const auth = await authenticateChannel(request, channels, nonces);
  return auth.ok ? auth : { ok: false, answer: failureAnswer(auth.failure) };
}
