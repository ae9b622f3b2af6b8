import type { Broadcast } from '../realtime/broadcast.ts';
import type { StageBroadcaster } from './stage-service.ts';

/** Consoles are grouped by venue, so an operator's console hears only its own venue. */
export const consoleRoom = (venueId: string) => `consoles:${venueId}`;
export const groupRoom = (groupId: string) => `group:${groupId}`;
/** Every console: what the main stage shows is for all staff to see. */
export const ALL_CONSOLES_ROOM = 'consoles:all';

/** Program goes to the group's screens and its venue's consoles; preview to those consoles only. */
export function stageBroadcaster(broadcast: Broadcast): StageBroadcaster {
  return {
    program: (view, venueId) => broadcast([groupRoom(view.groupId), consoleRoom(venueId)], 'stage:program', view),
    preview: (view, venueId) => broadcast(consoleRoom(venueId), 'stage:preview', view),
    main: (view) => broadcast(ALL_CONSOLES_ROOM, 'stage:main', view),
    follow: (view, venueId) => broadcast(consoleRoom(venueId), 'stage:follow', view),
  };
}
