import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI generated from the route schemas at /openapi.json, with a docs page at /docs. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Jinliu',
        version: '0.1.0',
        description:
          'LINE Pay-compatible payment platform. Online API v3 endpoints need the X-LINE-ChannelId, ' +
          'X-LINE-Authorization-Nonce and X-LINE-Authorization (HMAC-SHA256) headers. Every LINE Pay ' +
          'answer is HTTP 200; success or failure is in `returnCode`. Transaction ids are 19-digit integers.',
      },
      servers: [{ url: publicUrl }],
      tags: [
        { name: 'Online API v3', description: 'LINE Pay Online payments' },
        {
          name: 'My Card',
          description:
            'Membership-card programs, the Apply API (same HMAC headers as v3) and the public JWK sets',
        },
        { name: 'Sandbox', description: 'Test helpers (sandbox mode only)' },
        {
          name: 'Operations',
          description: 'Health, metrics and the operator API (/ops/v1, bearer JINLIU_OPS_TOKEN)',
        },
      ],
      components: {
        securitySchemes: {
          channelId: { type: 'apiKey', in: 'header', name: 'X-LINE-ChannelId' },
          nonce: { type: 'apiKey', in: 'header', name: 'X-LINE-Authorization-Nonce' },
          signature: { type: 'apiKey', in: 'header', name: 'X-LINE-Authorization' },
        },
      },
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
}
