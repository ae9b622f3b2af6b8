import { awardsHttp } from '../../shared/awards.ts';
import { errorMessage } from '../../shared/errors.ts';
import { actorOf } from '../auth/identity.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import type { LiveService } from '../live/live-service.ts';
import { acceptFiles } from '../web/accept-files.ts';
import { serve } from '../web/serve.ts';
import { championsCategory } from './awards-rules.ts';
import { AwardsImportRefused, createAwardsService } from './awards-service.ts';

/** Screens showing the `awards` scene and consoles following the ceremony. */
const AWARDS_ROOM = 'awards';
const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

/** The award ceremony: the admin's list (typed, imported, or the live quiz's podium), the MC's clicks, everyone else following. */
export function awardsDomain(core: HubCore, deps: { live: LiveService }) {
  const awards = createAwardsService(core.db, { state: (state) => core.broadcast(AWARDS_ROOM, 'awards:state', state) }, core.clock.now);
  return defineDomain({
    name: 'awards',
    commands: commands<'awards:list' | 'awards:save' | 'awards:champions' | 'awards:step' | 'awards:watch'>({
      'awards:list': { run: () => awards.list() },
      'awards:save': { run: ({ categories, revision }, { actor }) => awards.save(categories, revision, actor) },
      'awards:champions': {
        run: ({ sessionId }) => {
          const category = championsCategory(deps.live.champions(sessionId));
          if (!category) throw new HubError('AWARDS_NO_CHAMPIONS');
          return category;
        },
      },
      'awards:step': { run: ({ action, revision }, { actor }) => awards.step(action, revision, actor) },
      'awards:watch': {
        run: (_request, { socket }) => {
          void socket.join(AWARDS_ROOM);
          return awards.state();
        },
      },
    }),
    async routes(app) {
      acceptFiles(app, IMPORT_LIMIT_BYTES);
      serve(app, awardsHttp.import, { action: 'awards:import', bodyLimit: IMPORT_LIMIT_BYTES }, async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new HubError('BAD_PAYLOAD', 'send the file as application/octet-stream');
        try {
          return await awards.importFile(request.body, request.query.name, request.query.takeGood === 'true', actorOf(request.identity, request.ip));
        } catch (error) {
          if (!(error instanceof AwardsImportRefused)) throw error;
          return reply.status(400).send({ code: error.code, message: errorMessage(error.code), detail: error.detail, ...error.report });
        }
      });
    },
  });
}
