import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/container.ts';

/** /healthz: the process is alive. /readyz: the database and the nonce store answer. */
export function registerHealth(app: FastifyInstance, services: Services): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const checks: Record<string, 'ok' | 'failing'> = {};
    try {
      await services.db.query('SELECT 1');
      checks.database = 'ok';
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: database failing');
      checks.database = 'failing';
    }
    checks.nonceStore = (await services.nonces.ready()) ? 'ok' : 'failing';
    const ready = Object.values(checks).every((v) => v === 'ok');
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', checks };
  });
}
