import type { FastifyInstance } from 'fastify';
import { HealthReply } from '../../shared/rest.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';

export async function healthRoute(app: FastifyInstance, opts: { version: string; connectedClients: () => number }): Promise<void> {
  const startedAt = Date.now();
  app.get('/healthz', { schema: { response: { 200: HealthReply } } }, () => ({
    status: 'ok' as const,
    name: 'eventday' as const,
    version: opts.version,
    protocol: PROTOCOL_VERSION,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
    connectedClients: opts.connectedClients(),
  }));
}
