import type { EventSetup } from '../../shared/event.ts';
import type { Db } from '../store/database.ts';

export type LogoType = 'png' | 'jpeg';

export interface EventRow {
  revision: number;
  setup: EventSetup;
  logo: { type: LogoType; sha256: string } | null;
}

/** The stored event, or undefined on a store where nobody has set one up yet. */
export function readEvent(db: Db): EventRow | undefined {
  const row = db.prepare('SELECT revision, setup_json, logo_type, logo_sha256 FROM event WHERE id = 1').get() as
    { revision: number; setup_json: string; logo_type: LogoType | null; logo_sha256: string | null } | undefined;
  if (!row) return undefined;
  return {
    revision: row.revision,
    setup: JSON.parse(row.setup_json) as EventSetup,
    logo: row.logo_type && row.logo_sha256 ? { type: row.logo_type, sha256: row.logo_sha256 } : null,
  };
}

/** Stores the setup (the logo stays) and moves the revision on. */
export function writeEventSetup(db: Db, setup: EventSetup, revision: number): void {
  db.prepare(
    `INSERT INTO event (id, revision, setup_json) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, setup_json = excluded.setup_json`,
  ).run(revision, JSON.stringify(setup));
}

export function writeEventLogo(db: Db, logo: { bytes: Buffer; type: LogoType; sha256: string } | null, revision: number): void {
  db.prepare('UPDATE event SET logo = ?, logo_type = ?, logo_sha256 = ?, revision = ? WHERE id = 1').run(
    logo?.bytes ?? null,
    logo?.type ?? null,
    logo?.sha256 ?? null,
    revision,
  );
}

export function readEventLogo(db: Db): { bytes: Buffer; type: LogoType } | undefined {
  const row = db.prepare('SELECT logo, logo_type FROM event WHERE id = 1 AND logo IS NOT NULL').get() as { logo: Buffer; logo_type: LogoType } | undefined;
  return row && { bytes: row.logo, type: row.logo_type };
}
