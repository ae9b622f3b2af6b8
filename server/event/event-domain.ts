import { eventHttp } from '../../shared/event.ts';
import { actorOf } from '../auth/identity.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import { acceptFiles } from '../web/accept-files.ts';
import { serve } from '../web/serve.ts';
import { EVENT_LIMITS } from '../../shared/event.ts';
import { createEventService } from './event-service.ts';

/** Every socket hears of the event's changes: kiosks, phones, screens and consoles all show it. */
const EVENT_ROOM = 'event';

/** The event itself: what every client shows of it, the admin's form, the logo. */
export function eventDomain(core: HubCore, deps: { dataReplaced: () => void }) {
  const event = createEventService(core.db, (info) => core.broadcast(EVENT_ROOM, 'event:info', info), core.clock.now, deps.dataReplaced);
  return defineDomain({
    name: 'event',
    service: event,
    commands: commands<'event:watch' | 'event:save' | 'event:rehearsal-reset' | 'event:new'>({
      'event:watch': { run: () => event.info() },
      'event:save': { run: ({ setup, revision }, { actor }) => event.save(setup, revision, actor) },
      'event:rehearsal-reset': { run: ({ revision }, { actor }) => event.rehearsalReset(revision, actor) },
      'event:new': { run: ({ revision }, { actor }) => event.newEvent(revision, actor) },
    }),
    onConnect(socket) {
      void socket.join(EVENT_ROOM);
    },
    async routes(app) {
      // A little over the limit, so a too-big logo gets the event's own refusal rather than Fastify's.
      acceptFiles(app, EVENT_LIMITS.logoBytes + 1024);
      serve(app, eventHttp.putLogo, { action: 'event:logo', bodyLimit: EVENT_LIMITS.logoBytes + 1024 }, (request) => {
        if (!Buffer.isBuffer(request.body)) throw new HubError('BAD_PAYLOAD', 'send the picture as application/octet-stream');
        return event.setLogo(request.body, actorOf(request.identity, request.ip));
      });
      serve(app, eventHttp.removeLogo, { action: 'event:logo' }, (request) => event.removeLogo(actorOf(request.identity, request.ip)));
      serve(app, eventHttp.logo, {}, (_request, reply) => {
        const logo = event.logo();
        return reply
          .type(logo.type === 'png' ? 'image/png' : 'image/jpeg')
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .send(logo.bytes);
      });
    },
  });
}
