/**
 * One event's setup in the store, table by table, parents before the rows that refer to them
 * (the order an event file's rows are inserted in); `where` picks a table's setup rows when it
 * also holds other ones. Not setup: the day's visitor data, accounts and their sessions
 * (passwords do not travel), paired devices (pairing belongs to a machine), the audit log, the
 * built-in questions (every hub has them).
 */
export const EVENT_SETUP_TABLES: readonly { name: string; where?: string }[] = [
  { name: 'event' },
  { name: 'venues' },
  { name: 'display_groups' },
  { name: 'stage_slots' },
  { name: 'checkpoints' },
  { name: 'media' },
  { name: 'media_files' },
  { name: 'playlists' },
  { name: 'playlist_items' },
  { name: 'programme_items' },
  { name: 'award_categories' },
  { name: 'award_winners' },
  { name: 'questions', where: 'edited_at IS NOT NULL' },
];

/**
 * What replacing the setup deletes, children first: what refers to venues and groups on this
 * machine (its devices, the scene history, the venues' emergency states), then the setup tables
 * in reverse. The event row is replaced, not deleted; questions stay (a new event keeps the bank).
 */
export const REPLACED_TABLES: readonly string[] = [
  'devices',
  'stage_history',
  'venue_emergencies',
  ...EVENT_SETUP_TABLES.map((table) => table.name)
    .filter((name) => name !== 'event' && name !== 'questions')
    .reverse(),
];
