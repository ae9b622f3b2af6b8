import { randomBytes } from 'node:crypto';
import type { Db } from '../store/database.ts';
import {
  PROGRAMME_LIMITS,
  nowAndNext,
  programmeDay,
  type BoardItem,
  type ProgrammeAdvanceRequest,
  type ProgrammeBoard,
  type ProgrammeItem,
  type ProgrammeSaveRequest,
  type ProgrammeState,
} from '../../shared/programme.ts';
import { HubError } from '../hub-error.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { findPlaylist } from '../media/playlist-queries.ts';
import type { StageService } from '../stage/stage-service.ts';
import { findGroup } from '../venues/venue-queries.ts';
import { advanceTarget, checkItem, checkRemovable } from './programme-rules.ts';
import { createProgrammeStore } from './programme-store.ts';

/** Where the running order's news goes once stored: consoles get it whole, lobby screens their board. */
export interface ProgrammePublisher {
  state(state: ProgrammeState): void;
  board(board: ProgrammeBoard): void;
}

/** May this caller put a scene on this group? (An MC reaches only their own venues.) */
export type GroupReach = (group: { id: string; venueId: string }) => boolean;

const toBoardItem = ({ id, title, titleEn, performers, start, lengthMin }: ProgrammeItem): BoardItem => ({ id, title, titleEn, performers, start, lengthMin });

/**
 * The running order: the admin's items in the store, the MC's pointer beside them. Advancing
 * moves the pointer and puts the item's scene on air through the stage service (prepare + take,
 * both audited), in one transaction with the pointer.
 */
export function createProgrammeService(db: Db, stage: StageService, publish: ProgrammePublisher, now = Date.now) {
  const store = createProgrammeStore(db);
  const mainStage = db
    .prepare(
      `SELECT g.id FROM display_groups g JOIN venues v ON v.id = g.venue_id
     WHERE v.kind = 'main' ORDER BY v.sort, g.sort LIMIT 1`,
    )
    .pluck();

  function state(): ProgrammeState {
    const pointer = store.pointer();
    const at = now();
    return {
      revision: pointer.revision,
      day: programmeDay(at),
      items: store.items(),
      currentId: pointer.current_id,
      startedAt: pointer.started_at,
      serverNow: at,
    };
  }

  function board(): ProgrammeBoard {
    const { revision, day, items, currentId, startedAt, serverNow } = state();
    const { current, following } = nowAndNext(items, currentId);
    return {
      revision,
      day,
      current: current && toBoardItem(current),
      startedAt: current ? startedAt : null,
      following: following.slice(0, PROGRAMME_LIMITS.following + 1).map(toBoardItem),
      serverNow,
    };
  }

  function published(): ProgrammeState {
    const current = state();
    publish.state(current);
    publish.board(board());
    return current;
  }

  /** The groups an item's scene goes to: its own, or the main venue's main stage. */
  function groupsOf(item: ProgrammeItem): { id: string; venueId: string }[] {
    const ids = item.groupIds.length > 0 ? item.groupIds : [mainStage.get() as string | undefined].filter((id): id is string => Boolean(id));
    return ids.map((id) => {
      const group = findGroup(db, id);
      if (!group) throw new HubError('UNKNOWN_GROUP', `groupIds: no display group "${id}"`);
      return { id: group.id, venueId: group.venueId };
    });
  }

  return {
    state,
    board,

    save(request: ProgrammeSaveRequest, actor: Actor): ProgrammeState {
      const items = store.items();
      if (request.id && !items.some((item) => item.id === request.id)) throw new HubError('PROGRAMME_UNKNOWN_ITEM', `no item "${request.id}"`);
      const id = request.id ?? `pi-${randomBytes(4).toString('hex')}`;
      const item = checkItem(request, id, items, now());
      groupsOf(item);
      if (item.scene.kind === 'loop' && !findPlaylist(db, item.scene.playlistId)) {
        throw new HubError('UNKNOWN_PLAYLIST', `scene: no playlist "${item.scene.playlistId}"`);
      }
      db.transaction(() => {
        store.save(item, now());
        recordAudit(db, actor, 'programme:save', `programme:${id}`, { created: !request.id, item });
      })();
      return published();
    },

    remove(id: string, actor: Actor): ProgrammeState {
      checkRemovable(id, store.pointer().current_id, store.items());
      db.transaction(() => {
        store.remove(id);
        recordAudit(db, actor, 'programme:remove', `programme:${id}`);
      })();
      return published();
    },

    /** The MC's button: the pointer moves, and the item's scene goes on air on its groups. */
    advance(request: ProgrammeAdvanceRequest, actor: Actor, reaches: GroupReach): ProgrammeState {
      const pointer = store.pointer();
      const target = advanceTarget({ revision: pointer.revision, currentId: pointer.current_id, items: store.items() }, request);
      const groups = groupsOf(target);
      const outside = groups.find((group) => !reaches(group));
      if (outside) throw new HubError('FORBIDDEN', `group "${outside.id}" is outside this account's venues`);
      db.transaction(() => {
        for (const group of groups) {
          const prepared = stage.prepare({ groupId: group.id, scene: target.scene }, actor);
          stage.take({ groupId: group.id, previewRevision: prepared.revision }, actor);
        }
        store.point(target.id, now());
        recordAudit(db, actor, 'programme:advance', `programme:${target.id}`, {
          from: pointer.current_id,
          to: target.id,
          revision: pointer.revision + 1,
          groups: groups.map((group) => group.id),
        });
      })();
      return published();
    },
  };
}
