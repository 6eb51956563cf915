import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type Job, startWorker } from './jobs/worker.ts';
import { requestSerializer } from './plugins/log-serializers.ts';
import { createServices, type ServiceOverrides, type Services } from './services/container.ts';
import { type SeedProgress, type SeedResult, seedSandbox } from './services/sandbox.ts';

/** A running platform process. */
export interface RunningServer {
  readonly services: Services;
  readonly app: FastifyInstance | undefined;
  /** The listening URL (api roles only). */
  readonly url: string | undefined;
  readonly seed: SeedResult | undefined;
  close(): Promise<void>;
}

/** Secrets and card data never reach the logs. */
export const logRedactions = [
  'req.headers["x-line-authorization"]',
  'req.headers["x-line-channelsecret"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'channelSecret',
  'cardNumber',
];

/**
 * Starts the platform in one of its roles: `all` (API, pages and worker in one process),
 * `api` (stateless HTTP node) or `worker` (batch jobs only).
 */
export async function startServer(
  config: Config,
  overrides: ServiceOverrides & { readonly onSeed?: SeedProgress } = {},
): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel, redact: logRedactions, base: { role: config.role } });
  const services = await createServices(config, overrides);
  const seed =
    config.mode === 'sandbox' && config.role !== 'worker'
      ? await seedSandbox(services.db, services.payments, services.channels, overrides.onSeed)
      : undefined;
  let app: FastifyInstance | undefined;
  let url: string | undefined;
  if (config.role !== 'worker') {
    app = await buildApp(services, {
      logger: { level: config.logLevel, redact: logRedactions, serializers: { req: requestSerializer } },
    });
    url = await app.listen({ port: config.port, host: config.host });
  }
  const worker: Job | undefined =
    config.role !== 'api' ? startWorker(services, app?.log ?? logger) : undefined;
  let closing: Promise<void> | undefined;
  return {
    services,
    app,
    url,
    seed,
    close() {
      closing ??= (async () => {
        await worker?.stop();
        await app?.close();
        await services.close();
      })();
      return closing;
    },
  };
}
