import type { FastifyRequest, FastifySchema } from 'fastify';
import type { AuthenticatedChannel } from '../../services/channels.ts';
import type { Services } from '../../services/container.ts';
import type { V3Answer } from './envelope.ts';

/** What a v3 handler receives: the authenticated channel, the parsed body, path params, raw query. */
export interface V3Context {
  readonly channel: AuthenticatedChannel;
  readonly body: unknown;
  readonly params: Record<string, string>;
  readonly rawQuery: string;
  readonly services: Services;
  readonly request: FastifyRequest;
}

/** One Online v3 endpoint: a declaration (for routing and OpenAPI) and a short handler. */
export interface V3Route {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Metric label and log name. */
  readonly endpoint: string;
  readonly schema: FastifySchema;
  handle(ctx: V3Context): Promise<V3Answer>;
}
