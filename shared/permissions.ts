/**
 * Who may do what: the one table the hub's guard reads for every socket event and REST route,
 * and the one the README shows. A principal is a staff role, a paired device, or a visitor
 * (anyone unauthenticated, including a device that is not paired yet).
 */
export const ROLES = ['admin', 'mc', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
const DEVICE_KINDS = ['screen', 'kiosk'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export type Principal = Role | DeviceKind | 'visitor';
export const PRINCIPALS: readonly Principal[] = [...ROLES, ...DEVICE_KINDS, 'visitor'];

/**
 * How far an allowed principal reaches: `all`, or only targets in the principal's venues
 * (a device: its own venue and group). `filtered` lists return only what the principal may see.
 */
type Scope = 'all' | 'venue' | 'filtered';

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
  'stage:air': { allowed: CHANGERS, scope: 'venue', what: 'prepare and take a scene in one step (both stored, or neither)' },
  'stage:take-all': { allowed: HOSTS, scope: 'all', what: 'take one scene live in many groups at once, switching together' },
  'stage:follow': { allowed: CHANGERS, scope: 'venue', what: 'let a group follow the main stage, or take it back under own control' },
  'clock:sync': { allowed: PRINCIPALS, scope: 'all', what: 'read the hub’s clock (screens start loops and takes together)' },
  'media:list': { allowed: STAFF, scope: 'all', what: 'list media files and playlists' },
  'media:upload': { allowed: HOSTS, scope: 'all', what: 'upload a video or picture for loops (type and size checked)' },
  'playlist:edit': { allowed: HOSTS, scope: 'all', what: 'create a playlist or change its items' },
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
  'visitor:export': {
    allowed: ['admin', 'mc', 'operator'],
    scope: 'venue',
    what: 'export registrations and check-ins (names and numbers in full for admins only)',
  },
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
  'live:upcoming': { allowed: HOSTS, scope: 'all', what: 'see which question the next step opens, and its prompt (no answer)' },
  'live:player': { allowed: HOSTS, scope: 'all', what: 'rename or remove a live quiz player' },
  'live:join': { allowed: PLAYERS, scope: 'all', what: 'join a live quiz with its PIN' },
  'live:rejoin': { allowed: PLAYERS, scope: 'all', what: 'come back to a live quiz as the same player (signed token)' },
  'live:answer': { allowed: PLAYERS, scope: 'all', what: 'answer a live quiz question (timed and scored on the hub)' },
  'live:results': { allowed: HOSTS, scope: 'all', what: 'see and export a live session’s results' },
  'bank:list': { allowed: ['admin'], scope: 'all', what: 'read the question bank, export it' },
  'bank:edit': { allowed: ['admin'], scope: 'all', what: 'edit, retire and import questions' },
  'programme:list': { allowed: STAFF, scope: 'all', what: 'see the day’s running order (with the MC’s notes)' },
  'programme:watch': { allowed: [...STAFF, 'screen'], scope: 'all', what: 'follow now and next of the running order (lobby screens)' },
  'programme:save': { allowed: ['admin'], scope: 'all', what: 'add or edit an item of the running order' },
  'programme:remove': { allowed: ['admin'], scope: 'all', what: 'remove an item of the running order' },
  'programme:advance': {
    allowed: HOSTS,
    scope: 'all',
    what: 'move the running order on (next, back, an item): its scene goes on air on its groups, which must be in the caller’s venues',
  },
  'emergency:raise': {
    allowed: CHANGERS,
    scope: 'venue',
    what: 'put an emergency notice on every screen and kiosk of chosen venues (each must be in the caller’s venues); audited',
  },
  'emergency:clear': { allowed: CHANGERS, scope: 'venue', what: 'take an emergency notice off (each venue must be in the caller’s venues); audited' },
  'emergency:status': { allowed: STAFF, scope: 'filtered', what: 'see which screens and kiosks show the emergency notice, not yet, or are offline' },
  'emergency:shown': { allowed: ['screen', 'kiosk'], scope: 'all', what: 'say the emergency notice is on screen' },
  'device:heartbeat': { allowed: ['screen', 'kiosk'], scope: 'all', what: 'report what it shows, its version, queue and last error every 5 s' },
  'device:reload': { allowed: CHANGERS, scope: 'venue', what: 'make a screen or kiosk reload its page; audited' },
  'device:identify': { allowed: CHANGERS, scope: 'venue', what: 'make a screen or kiosk show its name large for 10 s' },
  'draw:pools': { allowed: HOSTS, scope: 'all', what: 'see the prize-draw pools and their sizes' },
  'draw:run': { allowed: HOSTS, scope: 'all', what: 'draw winners from a pool (cryptographic random, recorded before the reply); audited' },
  'draw:reveal': { allowed: HOSTS, scope: 'all', what: 'land a draw’s winners on its screens (masked names); audited' },
  'draw:list': { allowed: HOSTS, scope: 'all', what: 'list the draws and winners (full names for admins only, masked for MCs)' },
  'draw:verify': { allowed: STAFF, scope: 'all', what: 'check a draw’s record, download it (member ids, pool hash, winners; no names)' },
  'draw:watch': { allowed: [...STAFF, 'screen'], scope: 'all', what: 'follow a draw (masked names; winners only after the reveal)' },
  'awards:list': { allowed: ['admin'], scope: 'all', what: 'read the award list with every winner (the editor)' },
  'awards:save': { allowed: ['admin'], scope: 'all', what: 'enter or change the award categories and winners; audited' },
  'awards:champions': { allowed: ['admin'], scope: 'all', what: 'take a live quiz session’s top three into the award list (the editor)' },
  'awards:import': { allowed: ['admin'], scope: 'all', what: 'import the award list from an XLSX file (bad rows reported by line); audited' },
  'awards:step': { allowed: HOSTS, scope: 'all', what: 'run the award ceremony: next, back, summary, reset; audited' },
  'awards:watch': { allowed: [...STAFF, 'screen'], scope: 'all', what: 'follow the award ceremony (only winners already revealed)' },
  'event:watch': { allowed: PRINCIPALS, scope: 'all', what: 'read the event: its name, day, theme, organiser, hotlines, logo and venues’ names' },
  'event:save': { allowed: ['admin'], scope: 'all', what: 'set up the event: name, edition, day, theme, organiser, hotlines; audited' },
  'event:rehearsal-reset': { allowed: ['admin'], scope: 'all', what: 'after the rehearsal: remove the day’s visitor data, keep the setup; audited' },
  'event:new': { allowed: ['admin'], scope: 'all', what: 'replace the whole event (the demo, last year’s) with a new, empty one; audited' },
  'event:export': { allowed: ['admin'], scope: 'all', what: 'download the whole setup as one event file (to move it to another hub)' },
  'event:import': { allowed: ['admin'], scope: 'all', what: 'replace the whole setup (and visitor data) with an event file; checked whole first; audited' },
  'liaison:import': {
    allowed: ['admin'],
    scope: 'all',
    what: 'import the liaison list (accounts with contact fields, one-time passwords, missing sub-venues) and download its one-time passwords once',
  },
  'liaison:contacts': {
    allowed: STAFF,
    scope: 'filtered',
    what: 'see whom to call about each of the caller’s venues (its liaison persons; names and numbers masked for all but admins)',
  },
  'liaison:export': { allowed: ['admin'], scope: 'all', what: 'download the liaison list in the plan’s layout' },
  'event:logo': { allowed: ['admin'], scope: 'all', what: 'upload or remove the event’s logo (PNG or JPEG, checked by content); audited' },
  'venue:readiness': {
    allowed: ['admin', 'operator'],
    scope: 'filtered',
    what: 'see what is still missing before the day (screens, operators, kiosks, scenes), in the caller’s venues',
  },
  'venue:list': { allowed: CHANGERS, scope: 'filtered', what: 'list venues with their screen groups and check-in points, retired ones included' },
  'venue:save': { allowed: ['admin'], scope: 'all', what: 'add a venue or change its name, unit, address or kind; audited' },
  'venue:reorder': { allowed: ['admin'], scope: 'all', what: 'set the order venues are listed in; audited' },
  'venue:retire': { allowed: ['admin'], scope: 'all', what: 'remove a venue (retired, its history kept, when anything refers to it) or restore it; audited' },
  'group:save': { allowed: ['admin', 'operator'], scope: 'venue', what: 'add or rename a screen group of the caller’s venues; audited' },
  'group:retire': { allowed: ['admin', 'operator'], scope: 'venue', what: 'remove or retire a screen group of the caller’s venues, or restore it; audited' },
  'point:save': {
    allowed: ['admin', 'operator'],
    scope: 'venue',
    what: 'add or change a check-in point (entrance or station) of the caller’s venues; audited',
  },
  'point:retire': { allowed: ['admin', 'operator'], scope: 'venue', what: 'remove or retire a check-in point of the caller’s venues, or restore it; audited' },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

export function isAllowed(action: Action, principal: Principal): boolean {
  return (PERMISSIONS[action].allowed as readonly Principal[]).includes(principal);
}
