import type { LiaisonImportReply, LiaisonLine, VenueContact } from '../../shared/liaison.ts';
import { maskMobile, maskName } from '../../shared/masking.ts';
import type { VenueSetup } from '../../shared/venue-setup.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { insertAccount, updateAccount } from '../auth/account-queries.ts';
import { deleteSessionsOf } from '../auth/session-queries.ts';
import type { Actor } from '../auth/identity.ts';
import { hashOneTimePassword, newOneTimePassword, newToken } from '../auth/secrets.ts';
import { HubError } from '../hub-error.ts';
import type { Db } from '../store/database.ts';
import { readVenueSetups } from '../venues/venue-setup-queries.ts';
import type { VenueSetupService } from '../venues/venue-setup-service.ts';
import { VENUE_LIMITS } from '../../shared/venue-setup.ts';
import { readContacts, saveContact, type StoredContact } from './contact-queries.ts';
import { readLiaisonFile, unitKey, type LiaisonRow } from './liaison-rows.ts';
import { writeLiaisonList, writePasswordSheet, type OneTimePassword } from './liaison-sheets.ts';

type Report = Omit<LiaisonImportReply, 'passwordSheet'>;

/** Thrown by an import with bad rows when the good ones were not asked for: the report goes back whole. */
export class LiaisonImportRefused extends HubError {
  constructor(readonly report: Report) {
    super('LIAISON_IMPORT_HAS_ERRORS', `${report.problems.length} bad rows`);
  }
}

export interface ImportOptions {
  takeGood: boolean;
  createVenues: boolean;
}

/** A password sheet waits this long for its one download, in memory only (never on disk). */
const SHEET_LIFETIME_MS = 30 * 60 * 1000;

/**
 * The liaison list: each row creates or updates a staff account (matched by mobile number)
 * holding the row's contact fields, as operator of the venues its unit runs; a unit without one
 * gets a new sub-venue when the admin asks. New accounts get one-time passwords, kept only as a
 * sheet the admin downloads once. Everything is stored in one transaction, or nothing is.
 */
export function createLiaisonService(db: Db, deps: { venues: VenueSetupService; kickAccount: (accountId: number) => void }, now: () => number) {
  const sheets = new Map<string, { bytes: Buffer; expiresAt: number }>();

  async function importFile(
    bytes: Buffer,
    fileName: string,
    options: ImportOptions,
    actor: Actor,
    consoleAddress: string,
  ): Promise<{ reply: LiaisonImportReply; passwords: OneTimePassword[]; sheet: Buffer | null }> {
    const read = await readLiaisonFile(bytes);
    if (!read.ok) throw new HubError('LIAISON_FILE_UNREADABLE', read.detail);
    const plan = planImport(read.rows, readVenueSetups(db, null), readContacts(db), options.createVenues);
    const problems = [...read.problems, ...plan.problems].sort((a, b) => a.line - b.line);
    const report: Report = {
      created: plan.rows.filter((row) => !row.existing).length,
      updated: plan.rows.filter((row) => row.existing).length,
      venuesCreated: plan.newUnits.size,
      skipped: problems.length,
      problems,
      notes: read.notes,
    };
    if (problems.length > 0 && !options.takeGood) throw new LiaisonImportRefused(report);
    if (plan.rows.length === 0)
      throw new LiaisonImportRefused({ ...report, problems: [...problems, { line: 1, reason: '文件中没有可导入的行 / the file holds no row to import' }] });
    const passwords = apply(plan, actor, fileName, report);
    const sheet = passwords.length > 0 ? await writePasswordSheet(passwords, consoleAddress) : null;
    return { reply: { ...report, passwordSheet: sheet && keepSheet(sheet) }, passwords, sheet };
  }

  function apply(plan: Plan, actor: Actor, fileName: string, report: Report): OneTimePassword[] {
    const passwords: OneTimePassword[] = [];
    const kicked: number[] = [];
    db.transaction(() => {
      const created = new Map<string, string>();
      for (const [key, unit] of plan.newUnits) created.set(key, createVenue(unit, actor));
      let number = lastLiaisonNumber(db);
      plan.rows.forEach(({ row, venueIds, existing }, sort) => {
        const venues = venueIds.length > 0 ? venueIds : [created.get(unitKey(row.contact.unit))!];
        const { contact } = row;
        if (existing) {
          // Only an operator's venues follow the list; an admin or MC named in it keeps theirs.
          const moved = existing.role === 'operator' && !sameSet(existing.venueIds ?? [], venues);
          updateAccount(db, existing.accountId, { displayName: contact.name, ...(moved ? { venueIds: venues } : {}) }, now());
          if (moved) {
            deleteSessionsOf(db, existing.accountId);
            kicked.push(existing.accountId);
          }
          saveContact(db, existing.accountId, contact, sort, now());
          return;
        }
        number += 1;
        const username = `lx${String(number).padStart(3, '0')}`;
        const password = newOneTimePassword();
        const accountId = insertAccount(
          db,
          { username, displayName: contact.name, role: 'operator', venueIds: venues, passwordHash: hashOneTimePassword(password), mustChangePassword: true },
          now(),
        );
        saveContact(db, accountId, contact, sort, now());
        passwords.push({ username, name: contact.name, unit: contact.unit, password });
      });
      // The audit line names counts, not people: the list is personal data.
      recordAudit(db, actor, 'liaison:import', 'liaison', { file: fileName, ...report, problems: report.problems.length, notes: report.notes.length }, now());
    })();
    for (const accountId of kicked) deps.kickAccount(accountId);
    return passwords;
  }

  /** A sub-venue for a unit that runs none: named "<unit>分会场" when that fits, else after the unit. */
  function createVenue(unit: string, actor: Actor): string {
    const name = [...`${unit}分会场`].length <= VENUE_LIMITS.name ? `${unit}分会场` : unit;
    const { venues } = deps.venues.saveVenue({ name, nameEn: '', kind: 'sub', unit, address: '' }, actor);
    return venues.find((venue) => !venue.retired && venue.name === name)!.id;
  }

  function keepSheet(bytes: Buffer): string {
    for (const [id, sheet] of sheets) if (sheet.expiresAt <= now()) sheets.delete(id);
    const id = newToken();
    sheets.set(id, { bytes, expiresAt: now() + SHEET_LIFETIME_MS });
    return id;
  }

  return {
    importFile,

    /** The password sheet, once: it is forgotten as it is handed out. */
    takePasswordSheet(sheetId: string, actor: Actor): Buffer {
      const sheet = sheets.get(sheetId);
      sheets.delete(sheetId);
      if (!sheet || sheet.expiresAt <= now()) throw new HubError('LIAISON_SHEET_GONE');
      recordAudit(db, actor, 'liaison:passwords', 'liaison', {}, now());
      return sheet.bytes;
    },

    /** Each venue's liaison persons (operators of it with contact fields), masked unless `unmasked`. */
    venueContacts(visible: string[] | null, unmasked: boolean): VenueContact[] {
      return readContacts(db)
        .filter((contact) => !contact.disabled && contact.venueIds !== null)
        .flatMap((contact) =>
          contact
            .venueIds!.filter((venueId) => visible === null || visible.includes(venueId))
            .map((venueId) => ({
              venueId,
              name: unmasked ? contact.name : maskName(contact.name),
              title: contact.title,
              mobile: unmasked ? contact.mobile : maskMobile(contact.mobile),
              officePhone: unmasked || !contact.officePhone ? contact.officePhone : maskMobile(contact.officePhone),
            })),
        );
    },

    exportFile: () => writeLiaisonList(readContacts(db).filter((contact) => !contact.disabled)),
  };
}

interface PlannedRow {
  row: LiaisonRow;
  /** The live venues the row's unit runs; empty when a new one is made for it. */
  venueIds: string[];
  existing: StoredContact | undefined;
}

interface Plan {
  rows: PlannedRow[];
  problems: LiaisonLine[];
  /** Units that get a new sub-venue, by unit key. */
  newUnits: Map<string, string>;
}

/** What each good row will do, decided before anything is written. */
function planImport(rows: LiaisonRow[], venues: VenueSetup[], contacts: StoredContact[], createVenues: boolean): Plan {
  const byMobile = new Map(contacts.map((contact) => [contact.mobile, contact]));
  const plan: Plan = { rows: [], problems: [], newUnits: new Map() };
  for (const row of rows) {
    const key = unitKey(row.contact.unit);
    const venueIds = venuesOfUnit(venues, row.contact.unit).map((venue) => venue.id);
    if (venueIds.length === 0 && !createVenues) {
      plan.problems.push({
        line: row.line,
        reason: `“${row.contact.unit}”还没有会场：请先在 会场设置 中添加，或选择为它新建分会场 / no venue is run by this unit: add it in 会场设置 first, or choose to create its sub-venue`,
      });
      continue;
    }
    if (venueIds.length === 0 && !plan.newUnits.has(key)) plan.newUnits.set(key, row.contact.unit);
    plan.rows.push({ row, venueIds, existing: byMobile.get(row.contact.mobile) });
  }
  return plan;
}

/** The live venues a unit runs: its unit field names it, or the venue is named after it. */
function venuesOfUnit(venues: VenueSetup[], unit: string): VenueSetup[] {
  const key = unitKey(unit);
  return venues.filter((venue) => !venue.retired && (unitKey(venue.unit) === key || unitKey(venue.name) === key || unitKey(venue.name) === `${key}分会场`));
}

/** The highest number of the lxNNN usernames the import has given so far. */
function lastLiaisonNumber(db: Db): number {
  const names = db.prepare("SELECT username FROM accounts WHERE username LIKE 'lx%'").pluck().all() as string[];
  return Math.max(0, ...names.map((name) => /^lx(\d{1,6})$/i.exec(name)).map((match) => (match ? Number(match[1]) : 0)));
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
