import crypto from 'node:crypto';
import type { DayDataRemoved, EventInfo, EventSetup } from '../../shared/event.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/identity.ts';
import { HubError } from '../hub-error.ts';
import type { Db } from '../store/database.ts';
import { listVenues } from '../venues/venue-queries.ts';
import { removeDayData, venuesUnderEmergency } from './day-data.ts';
import { blankEvent } from './event-defaults.ts';
import { readEvent, readEventLogo, writeEventLogo, writeEventSetup, type EventRow } from './event-queries.ts';
import { checkEventSetup, checkLogo } from './event-rules.ts';
import { replaceWithNewEvent } from './new-event.ts';
import { applyEventFile } from '../event-file/event-file-apply.ts';
import type { Manifest } from '../event-file/event-file-format.ts';

/**
 * The event as its organiser set it up. Every change is stored and audited in one transaction,
 * then sent to every client (`publish`, after the commit): kiosks, phones and screens show it live.
 */
export function createEventService(db: Db, publish: (info: EventInfo) => void, now: () => number, dataReplaced: () => void) {
  /** A store nobody has set up yet gets a blank event (the demo seed writes its own first). */
  function row(): EventRow {
    const stored = readEvent(db);
    if (stored) return stored;
    writeEventSetup(db, blankEvent(now()), 1);
    return readEvent(db)!;
  }

  function info(): EventInfo {
    const { setup, logo, revision } = row();
    const venues = listVenues(db).map(({ id, name, nameEn, kind }) => ({ id, name, nameEn, kind }));
    // The logo's address changes with its content, so a cached old logo is never shown.
    return { ...setup, logoUrl: logo ? `/api/event/logo?v=${logo.sha256.slice(0, 12)}` : null, venues, revision };
  }

  function change(actor: Actor, action: string, detail: unknown, write: (revision: number) => void): EventInfo {
    db.transaction(() => {
      const revision = row().revision + 1;
      write(revision);
      recordAudit(db, actor, action, 'event', detail, now());
    })();
    const next = info();
    publish(next);
    return next;
  }

  /** Refused for a console that missed a change, and while an emergency is on screens (removing it silently would take a real notice off the air). */
  function checkReplaceable(revision: number): void {
    if (revision !== row().revision) throw new HubError('EVENT_STALE');
    const onAir = venuesUnderEmergency(db);
    if (onAir.length > 0) throw new HubError('EVENT_EMERGENCY_ON_AIR', `emergency on air at ${onAir.join(', ')}`);
  }

  /**
   * A rehearsal reset, a new event or an imported one: stored and audited in one transaction,
   * then every part of the hub forgets what it kept in memory and every client loads afresh.
   */
  function replaceData(revision: number, actor: Actor, action: string, replace: (next: number) => DayDataRemoved, detail: object = {}) {
    checkReplaceable(revision);
    const removed = db.transaction(() => {
      const next = row().revision + 1;
      const counts = replace(next);
      db.prepare('UPDATE event SET revision = ? WHERE id = 1').run(next);
      recordAudit(db, actor, action, 'event', { ...detail, removed: counts }, now());
      return counts;
    })();
    dataReplaced();
    const next = info();
    publish(next);
    return { removed, info: next };
  }

  return {
    info,

    /** The event's day (YYYY-MM-DD), without the venue list `info` builds. */
    day: () => row().setup.day,

    /** After the rehearsal: the setup stays whole; registrations, check-ins, quiz plays, live sessions, draws and emergencies go. */
    rehearsalReset: (revision: number, actor: Actor) => replaceData(revision, actor, 'event:rehearsal-reset', () => removeDayData(db, now())),

    /** Refuses as an import would (a stale console, an emergency on air), before its media are copied. */
    checkReplaceable,

    /** An event file's setup (already checked whole, its media in place) in place of this one's. */
    importFile: (revision: number, actor: Actor, manifest: Manifest) =>
      replaceData(revision, actor, 'event:import', (next) => applyEventFile(db, manifest, next, now()), {
        eventName: manifest.eventName,
        exportedAt: manifest.exportedAt,
      }),

    /** The demo (or last year's event) replaced by a new, empty one. */
    newEvent: (revision: number, actor: Actor) => replaceData(revision, actor, 'event:new', (next) => replaceWithNewEvent(db, next, now())),

    save(input: EventSetup, revision: number, actor: Actor): EventInfo {
      if (revision !== row().revision) throw new HubError('EVENT_STALE');
      const checked = checkEventSetup(input);
      if (!checked.ok) throw new HubError('EVENT_INVALID', checked.problems.join('; '));
      return change(actor, 'event:save', { name: checked.setup.name, day: checked.setup.day }, (next) => writeEventSetup(db, checked.setup, next));
    },

    /** A PNG or JPEG, told by its first bytes (an SVG or a web page renamed .png is refused). */
    setLogo(bytes: Buffer, actor: Actor): EventInfo {
      const checked = checkLogo(bytes);
      if (!checked.ok) throw new HubError(checked.code);
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      const type = checked.type;
      return change(actor, 'event:logo', { type, bytes: bytes.length, sha256 }, (next) => writeEventLogo(db, { bytes, type, sha256 }, next));
    },

    removeLogo(actor: Actor): EventInfo {
      return change(actor, 'event:logo', { removed: true }, (next) => writeEventLogo(db, null, next));
    },

    logo() {
      const logo = readEventLogo(db);
      if (!logo) throw new HubError('EVENT_NO_LOGO');
      return logo;
    },

    /** Inside a venue change's transaction (venue names are part of what clients get); sent once it commits. */
    venuesChanged(): void {
      db.prepare('UPDATE event SET revision = revision + 1 WHERE id = 1').run();
      publish(info());
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
