import type { FastifySchema } from 'fastify';
import type { V3Answer } from '../../plugins/line-pay-envelope.ts';
import type { AuthenticatedChannel } from '../../services/channels.ts';
import type { Services } from '../../services/container.ts';

/** What a merchant-facing My Card handler receives: the signed-in channel, the parsed body, path params. */
export interface MyCardContext {
  readonly channel: AuthenticatedChannel;
  readonly body: unknown;
  readonly params: Record<string, string>;
  readonly services: Services;
}

/** One merchant-facing My Card endpoint (LINE Pay-shaped: HMAC headers, HTTP 200 envelope). */
export interface MyCardRoute {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Metric label and log name. */
  readonly endpoint: string;
  readonly schema: FastifySchema;
  handle(ctx: MyCardContext): Promise<V3Answer>;
}
