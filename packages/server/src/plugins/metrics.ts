import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics: request latency by route and outcome, plus Node's defaults. */
export interface Metrics {
  readonly registry: Registry;
  readonly paymentOutcomes: Counter<'endpoint' | 'code'>;
}

/** Creates a registry of its own (so several apps in one test process do not collide). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'jinliu_' });
  const paymentOutcomes = new Counter({
    name: 'jinliu_linepay_return_codes_total',
    help: 'LINE Pay API answers by endpoint and returnCode',
    labelNames: ['endpoint', 'code'],
    registers: [registry],
  });
  return { registry, paymentOutcomes };
}

/** Records request durations and serves /metrics. */
export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  const duration = new Histogram({
    name: 'jinliu_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
