/**
 * Who may do what: the one table the hub's guard reads for every socket event and REST route,
 * and the one the README shows. A principal is a staff role, a paired device, or a visitor
 * (anyone unauthenticated, including a device that is not paired yet).
 */
export const ROLES = ['admin', 'mc', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const DEVICE_KINDS = ['screen', 'kiosk'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export type Principal = Role | DeviceKind | 'visitor';
export const PRINCIPALS: readonly Principal[] = [...ROLES, ...DEVICE_KINDS, 'visitor'];

/**
 * How far an allowed principal reaches: `all`, or only targets in the principal's venues
 * (a device: its own venue and group). `filtered` lists return only what the principal may see.
 */
export type Scope = 'all' | 'venue' | 'filtered';

export interface Permission {
  allowed: readonly Principal[];
  scope: Scope;
  /** Shown in the README table. */
  what: string;
}

const STAFF: readonly Principal[] = ROLES;
const CHANGERS: readonly Principal[] = ['admin', 'mc', 'operator'];
/** Kiosks, and visitors' phones: whoever holds a challenge's id plays it. */
const PLAYERS: readonly Principal[] = ['kiosk', 'visitor'];
/** Who runs a show on stage. */
const HOSTS: readonly Principal[] = ['admin', 'mc'];

export const PERMISSIONS = {
  'stage:overview': { allowed: STAFF, scope: 'filtered', what: 'see venues, groups, program and preview' },
  'stage:watch': { allowed: [...STAFF, 'screen'], scope: 'venue', what: 'watch a group’s program (a screen: its own group)' },
  'stage:prepare': { allowed: CHANGERS, scope: 'venue', what: 'prepare a scene in a group’s preview' },
  'stage:take': { allowed: CHANGERS, scope: 'venue', what: 'take a group’s preview live' },
  'pairing:start': { allowed: ['visitor'], scope: 'all', what: 'show a pairing code on an unpaired device' },
  'device:list': { allowed: STAFF, scope: 'filtered', what: 'list paired devices' },
  'device:approve': { allowed: CHANGERS, scope: 'venue', what: 'pair a device with its code' },
  'device:revoke': { allowed: CHANGERS, scope: 'venue', what: 'revoke a device' },
  'device:assign': { allowed: CHANGERS, scope: 'venue', what: 'set the check-in point a kiosk scans at' },
  'account:list': { allowed: ['admin'], scope: 'all', what: 'list staff accounts' },
  'account:create': { allowed: ['admin'], scope: 'all', what: 'create a staff account' },
  'account:update': { allowed: ['admin'], scope: 'all', what: 'change an account’s role, venues, password or disable it' },
  'audit:list': { allowed: ['admin'], scope: 'all', what: 'read the audit log' },
  'visitor:register': { allowed: ['visitor', 'kiosk', ...CHANGERS], scope: 'all', what: 'register a visitor and get a signed pass' },
  'visitor:search': { allowed: CHANGERS, scope: 'all', what: 'find a visitor at a staffed desk by nickname or the last four digits (masked)' },
  'visitor:export': { allowed: ['admin', 'mc', 'operator'], scope: 'venue', what: 'export registrations and check-ins (names and numbers in full for admins only)' },
  'visitor:erase': { allowed: ['admin'], scope: 'all', what: 'delete every visitor’s personal data after the event (counts stay)' },
  'pass:keys': { allowed: PRINCIPALS, scope: 'all', what: 'read the public keys that check passes offline' },
  'stats:watch': { allowed: [...STAFF, 'screen'], scope: 'all', what: 'watch the day’s counts (no personal data)' },
  'checkin:setup': { allowed: ['kiosk', ...CHANGERS], scope: 'filtered', what: 'list the checkpoints a kiosk can check in at' },
  'checkin:scan': { allowed: ['kiosk', ...CHANGERS], scope: 'venue', what: 'check a pass in at an entrance or station' },
  'checkin:upload': { allowed: ['kiosk', ...CHANGERS], scope: 'venue', what: 'upload scans made while offline' },
  'quiz:start': { allowed: PLAYERS, scope: 'all', what: 'start a ten-question challenge (with a pass: tied to the visitor)' },
  'quiz:next': { allowed: PLAYERS, scope: 'all', what: 'get the next question of one’s challenge (its clock starts on the hub)' },
  'quiz:answer': { allowed: PLAYERS, scope: 'all', what: 'answer a question; the hub times and scores it' },
  'quiz:result': { allowed: PLAYERS, scope: 'all', what: 'see a finished challenge’s score, rank and missed questions' },
  'quiz:pack': { allowed: ['kiosk'], scope: 'all', what: 'keep questions with their answers for offline play (paired kiosks only)' },
  'quiz:upload': { allowed: ['kiosk'], scope: 'all', what: 'send a challenge finished offline (scored on arrival, flagged offline)' },
  'leaderboard:watch': { allowed: PRINCIPALS, scope: 'all', what: 'watch the day’s quiz leaderboards (names masked)' },
  'leaderboard:hide': { allowed: ['admin', 'mc'], scope: 'all', what: 'hide a leaderboard entry (an offensive nickname); audited' },
  'live:create': { allowed: HOSTS, scope: 'all', what: 'create a live quiz session' },
  'live:list': { allowed: STAFF, scope: 'all', what: 'list the day’s live quiz sessions' },
  'live:watch': { allowed: [...STAFF, 'screen'], scope: 'all', what: 'follow a live quiz session (screens show it)' },
  'live:control': { allowed: HOSTS, scope: 'all', what: 'run a live quiz: start, close, reveal, leaderboard, next, pause, skip, end' },
  'live:players': { allowed: HOSTS, scope: 'all', what: 'list a live quiz session’s players' },
  'live:questions': { allowed: HOSTS, scope: 'all', what: 'list the questions a live session can use (no answers)' },
  'live:player': { allowed: HOSTS, scope: 'all', what: 'rename or remove a live quiz player' },
  'live:join': { allowed: PLAYERS, scope: 'all', what: 'join a live quiz with its PIN' },
  'live:rejoin': { allowed: PLAYERS, scope: 'all', what: 'come back to a live quiz as the same player (signed token)' },
  'live:answer': { allowed: PLAYERS, scope: 'all', what: 'answer a live quiz question (timed and scored on the hub)' },
  'live:results': { allowed: HOSTS, scope: 'all', what: 'see and export a live session’s results' },
  'bank:list': { allowed: ['admin'], scope: 'all', what: 'read the question bank, export it' },
  'bank:edit': { allowed: ['admin'], scope: 'all', what: 'edit, retire and import questions' },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

export function isAllowed(action: Action, principal: Principal): boolean {
  return (PERMISSIONS[action].allowed as readonly Principal[]).includes(principal);
}
