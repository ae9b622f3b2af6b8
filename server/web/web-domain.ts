import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';
import { healthHttp } from '../../shared/rest.ts';
import { defineDomain, type HubCore } from '../domain.ts';
import { appStatic } from './app-static.ts';
import { serve } from './serve.ts';

/** The hub's front: /healthz, the built apps (kiosk and display) with their client routes, and / to the kiosk. */
export function webDomain(core: HubCore, deps: { version: string }) {
  const startedAt = core.clock.now();
  return defineDomain({
    name: 'web',
    async routes(app) {
      serve(app, healthHttp.health, {}, () => ({
        status: 'ok' as const,
        name: 'eventday' as const,
        version: deps.version,
        protocol: PROTOCOL_VERSION,
        uptimeSeconds: Math.round((core.clock.now() - startedAt) / 100) / 10,
        connectedClients: core.io().engine.clientsCount,
      }));
      await appStatic(app, { appsDir: core.config.appsDir });
      app.get('/', (_request, reply) => reply.redirect('/kiosk/'));
    },
  });
}
