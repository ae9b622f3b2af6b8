import { reaches } from '../auth/guard.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import type { StageService } from '../stage/stage-service.ts';
import { createProgrammeService } from './programme-service.ts';

/** Consoles that listed the running order get every change; `program` screens get their board. */
const STAFF_ROOM = 'programme:staff';
const BOARD_ROOM = 'programme:board';

/** The running order: the admin's items, the MC's button that moves it on and puts each item's scene on air. */
export function programmeDomain(core: HubCore, deps: { stage: StageService }) {
  const programme = createProgrammeService(
    core.db,
    deps.stage,
    {
      state: (state) => core.broadcast(STAFF_ROOM, 'programme:state', state),
      board: (board) => core.broadcast(BOARD_ROOM, 'programme:board', board),
    },
    core.clock.now,
  );
  return defineDomain({
    name: 'programme',
    service: programme,
    commands: commands<'programme:list' | 'programme:watch' | 'programme:save' | 'programme:remove' | 'programme:advance'>({
      'programme:list': {
        run: (_request, { socket }) => {
          void socket.join(STAFF_ROOM);
          return programme.state();
        },
      },
      'programme:watch': {
        run: (_request, { socket }) => {
          void socket.join(BOARD_ROOM);
          return programme.board();
        },
      },
      'programme:save': { run: (request, { actor }) => programme.save(request, actor) },
      'programme:remove': { run: ({ id }, { actor }) => programme.remove(id, actor) },
      // The item's groups are known only once the item is: the service checks each with the guard's rule.
      'programme:advance': {
        run: (request, { actor, identity }) => programme.advance(request, actor, (group) => reaches(identity, { venueId: group.venueId, groupId: group.id })),
      },
    }),
  });
}
