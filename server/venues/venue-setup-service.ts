import type { CommandReply, CommandRequest } from '../../shared/events.ts';
import type { InUseReason, VenueSetup } from '../../shared/venue-setup.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { HubError } from '../hub-error.ts';
import type { Db } from '../store/database.ts';
import { groupUses, pointUses, readVenueSetups, venueUses } from './venue-setup-queries.ts';
import { cleanName, isPermutation, nameTaken, newSetupId, orderedReasons } from './venue-setup-rules.ts';

type RetireReply = CommandReply<'venue:retire'>;

/**
 * Venues, their screen groups and check-in points, as admins and operators set them up. Each
 * change is stored and audited in one transaction, and `changed` (inside it) tells every client (venue names
 * are part of the event kiosks and screens show). A removal deletes only what nothing refers to;
 * anything else is retired (hidden from pickers) and the reply says what still refers to it.
 */
export function createVenueSetupService(db: Db, changed: () => void, now: () => number) {
  const all = () => readVenueSetups(db, null);
  const venueOf = (venueId: string): VenueSetup => {
    const venue = all().find((one) => one.id === venueId);
    if (!venue) throw new HubError('UNKNOWN_VENUE', `no venue "${venueId}"`);
    return venue;
  };
  const nextSort = (table: 'venues' | 'display_groups' | 'checkpoints') =>
    db.prepare(`SELECT COALESCE(MAX(sort), -1) + 1 FROM ${table}`).pluck().get() as number;

  function commit(actor: Actor, action: string, target: string, detail: unknown, write: () => void): void {
    // `changed` moves the event's revision in the same transaction; its broadcast waits for the commit.
    db.transaction(() => {
      write();
      recordAudit(db, actor, action, target, detail, now());
      changed();
    })();
  }

  /** Deletes `target` when nothing refers to it, else marks it retired; or restores it. */
  function retireOrRestore(
    actor: Actor,
    action: string,
    target: string,
    retired: boolean,
    uses: () => InUseReason[],
    writes: { retire: () => void; restore: () => void; remove: () => void },
  ): RetireReply {
    // Filled in by the write, before the audit line is recorded with it.
    const reply: Omit<RetireReply, 'venues'> = { outcome: 'restored', reasons: [] };
    commit(actor, action, target, reply, () => {
      if (!retired) return writes.restore();
      reply.reasons = orderedReasons(uses());
      reply.outcome = reply.reasons.length ? 'retired' : 'deleted';
      if (reply.reasons.length) writes.retire();
      else writes.remove();
    });
    return { ...reply, venues: all() };
  }

  /** A group or point to add (no id) or change: in a live venue, itself live, with a name its siblings do not have. */
  function checkPart(request: { venueId: string; id?: string; name: string }, part: 'groups' | 'points') {
    const venue = venueOf(request.venueId);
    const siblings: { id: string; name: string; retired: boolean }[] = venue[part];
    const existing = request.id === undefined ? undefined : siblings.find((one) => one.id === request.id);
    if (request.id !== undefined && !existing) {
      throw new HubError(part === 'groups' ? 'UNKNOWN_GROUP' : 'UNKNOWN_CHECKPOINT', `"${request.id}" is not in this venue`);
    }
    if (venue.retired || existing?.retired) throw new HubError('VENUE_RETIRED');
    const name = cleanName(request.name);
    if (!name) throw new HubError('VENUE_INVALID', 'the name is empty');
    if (nameTaken(name, siblings, request.id)) throw new HubError('VENUE_INVALID', `another one in this venue is called ${name}`);
    return { venue, existing, name };
  }

  return {
    list: (venueIds: string[] | null) => ({ venues: readVenueSetups(db, venueIds) }),

    saveVenue(request: CommandRequest<'venue:save'>, actor: Actor) {
      const venues = all();
      const existing = request.id === undefined ? undefined : venueOf(request.id);
      if (existing?.retired) throw new HubError('VENUE_RETIRED');
      const name = cleanName(request.name);
      if (!name) throw new HubError('VENUE_INVALID', 'the name is empty');
      if (nameTaken(name, venues, request.id)) throw new HubError('VENUE_INVALID', `another venue is called ${name}`);
      const id = existing?.id ?? newSetupId('v');
      const fields = [name, cleanName(request.nameEn), request.kind, cleanName(request.unit), cleanName(request.address)];
      commit(actor, 'venue:save', `venue:${id}`, { name, kind: request.kind, created: !existing }, () => {
        // One main venue: naming another one main makes the old main a sub-venue.
        if (request.kind === 'main') db.prepare("UPDATE venues SET kind = 'sub' WHERE kind = 'main' AND id != ?").run(id);
        if (existing) db.prepare('UPDATE venues SET name = ?, name_en = ?, kind = ?, unit = ?, address = ? WHERE id = ?').run(...fields, id);
        else
          db.prepare('INSERT INTO venues (id, name, name_en, kind, unit, address, sort) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, ...fields, nextSort('venues'));
      });
      return { venues: all() };
    },

    reorder(venueIds: string[], actor: Actor) {
      if (
        !isPermutation(
          venueIds,
          all().map((venue) => venue.id),
        )
      )
        throw new HubError('VENUE_INVALID', 'name every venue exactly once');
      commit(actor, 'venue:reorder', 'venues', { venueIds }, () => {
        const sort = db.prepare('UPDATE venues SET sort = ? WHERE id = ?');
        venueIds.forEach((id, index) => sort.run(index, id));
      });
      return { venues: all() };
    },

    retireVenue(venueId: string, retired: boolean, actor: Actor): RetireReply {
      const venue = venueOf(venueId);
      if (retired && venue.kind === 'main') throw new HubError('VENUE_LAST_MAIN');
      return retireOrRestore(actor, 'venue:retire', `venue:${venueId}`, retired, () => venueUses(db, venueId), {
        retire: () => db.prepare('UPDATE venues SET retired_at = ? WHERE id = ?').run(now(), venueId),
        restore: () => db.prepare('UPDATE venues SET retired_at = NULL WHERE id = ?').run(venueId),
        remove: () => {
          for (const table of ['venue_emergencies', 'display_groups', 'checkpoints']) db.prepare(`DELETE FROM ${table} WHERE venue_id = ?`).run(venueId);
          db.prepare('DELETE FROM venues WHERE id = ?').run(venueId);
        },
      });
    },

    saveGroup(request: CommandRequest<'group:save'>, actor: Actor) {
      const { venue, existing, name } = checkPart(request, 'groups');
      const id = existing?.id ?? newSetupId('g');
      commit(actor, 'group:save', `group:${id}`, { venueId: venue.id, name, created: !existing }, () => {
        if (existing) db.prepare('UPDATE display_groups SET name = ?, name_en = ? WHERE id = ?').run(name, cleanName(request.nameEn), id);
        else
          db.prepare('INSERT INTO display_groups (id, venue_id, name, name_en, sort) VALUES (?, ?, ?, ?, ?)').run(
            id,
            venue.id,
            name,
            cleanName(request.nameEn),
            nextSort('display_groups'),
          );
      });
      return { venues: all() };
    },

    retireGroup(groupId: string, retired: boolean, actor: Actor): RetireReply {
      return retireOrRestore(actor, 'group:retire', `group:${groupId}`, retired, () => groupUses(db, groupId), {
        retire: () => db.prepare('UPDATE display_groups SET retired_at = ? WHERE id = ?').run(now(), groupId),
        restore: () => db.prepare('UPDATE display_groups SET retired_at = NULL WHERE id = ?').run(groupId),
        remove: () => {
          db.prepare('DELETE FROM stage_slots WHERE group_id = ?').run(groupId);
          db.prepare('DELETE FROM display_groups WHERE id = ?').run(groupId);
        },
      });
    },

    savePoint(request: CommandRequest<'point:save'>, actor: Actor) {
      const { venue, existing, name } = checkPart(request, 'points');
      const id = existing?.id ?? newSetupId('p');
      const fields = [request.kind, name, cleanName(request.nameEn)];
      commit(actor, 'point:save', `checkpoint:${id}`, { venueId: venue.id, kind: request.kind, name, created: !existing }, () => {
        if (existing) db.prepare('UPDATE checkpoints SET kind = ?, name = ?, name_en = ? WHERE id = ?').run(...fields, id);
        else
          db.prepare('INSERT INTO checkpoints (id, venue_id, kind, name, name_en, sort) VALUES (?, ?, ?, ?, ?, ?)').run(
            id,
            venue.id,
            ...fields,
            nextSort('checkpoints'),
          );
      });
      return { venues: all() };
    },

    retirePoint(pointId: string, retired: boolean, actor: Actor): RetireReply {
      return retireOrRestore(actor, 'point:retire', `checkpoint:${pointId}`, retired, () => pointUses(db, pointId), {
        retire: () => db.prepare('UPDATE checkpoints SET retired_at = ? WHERE id = ?').run(now(), pointId),
        restore: () => db.prepare('UPDATE checkpoints SET retired_at = NULL WHERE id = ?').run(pointId),
        remove: () => db.prepare('DELETE FROM checkpoints WHERE id = ?').run(pointId),
      });
    },
  };
}

export type VenueSetupService = ReturnType<typeof createVenueSetupService>;
