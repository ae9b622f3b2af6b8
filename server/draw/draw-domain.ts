import { drawHttp } from '../../shared/draw.ts';
import type { Identity } from '../auth/identity.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { serve } from '../web/serve.ts';
import { createDrawService } from './draw-service.ts';

const drawRoom = (drawId: string) => `draw:${drawId}`;
/** Only an admin's console sees a winner's full name and number (to hand the prize over); an MC's sees them masked. */
const seesFull = (identity: Identity) => identity.kind === 'staff' && identity.account.role === 'admin';

/** The prize draw: pool sizes, the MC's press, the reveal, the list, the check, screens following, the record file. */
export function drawDomain(core: HubCore) {
  // A draw's screens (and the consoles following it) get its masked state on every change.
  const draws = createDrawService(core.db, { state: (state) => core.broadcast(drawRoom(state.drawId), 'draw:state', state) }, undefined, core.clock.now);
  return defineDomain({
    name: 'draw',
    commands: commands<'draw:pools' | 'draw:run' | 'draw:reveal' | 'draw:list' | 'draw:verify' | 'draw:watch'>({
      'draw:pools': { run: ({ includePastWinners }) => draws.pools(includePastWinners ?? false) },
      'draw:run': { run: (request, { actor, identity }) => draws.run(request, actor, seesFull(identity)) },
      'draw:reveal': { run: ({ drawId, revision }, { actor, identity }) => draws.reveal(drawId, revision, actor, seesFull(identity)) },
      'draw:list': { run: (_request, { identity }) => draws.list(seesFull(identity)) },
      'draw:verify': { run: ({ drawId }) => draws.verify(drawId) },
      'draw:watch': {
        run: ({ drawId }, { socket }) => {
          const state = draws.watch(drawId);
          void socket.join(drawRoom(drawId));
          return state;
        },
      },
    }),
    /**
     * A draw's record as a file, with no name in it: the pool's member ids, their SHA-256 and the
     * winners' ids, so anyone can recompute the hash and see the winners came from the pool.
     */
    async routes(app) {
      serve(app, drawHttp.record, { action: 'draw:verify' }, (request, reply) =>
        reply.header('content-disposition', `attachment; filename="eventday-draw-${request.params.drawId}.json"`).send(draws.record(request.params.drawId)),
      );
    },
  });
}
