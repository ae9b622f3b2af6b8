import type { HubIo } from '../realtime/socket-server.ts';
import type { StageBroadcaster } from './stage-service.ts';

/** Consoles are grouped by venue, so an operator's console hears only its own venue. */
export const consoleRoom = (venueId: string) => `consoles:${venueId}`;
export const groupRoom = (groupId: string) => `group:${groupId}`;
/** Every console: what the main stage shows is for all staff to see. */
export const ALL_CONSOLES_ROOM = 'consoles:all';

/** Program goes to the group's screens and its venue's consoles; preview to those consoles only. */
export function stageBroadcaster(io: () => HubIo): StageBroadcaster {
  return {
    program: (view, venueId) => io().to(groupRoom(view.groupId)).to(consoleRoom(venueId)).emit('stage:program', view),
    preview: (view, venueId) => io().to(consoleRoom(venueId)).emit('stage:preview', view),
    main: (view) => io().to(ALL_CONSOLES_ROOM).emit('stage:main', view),
    follow: (view, venueId) => io().to(consoleRoom(venueId)).emit('stage:follow', view),
  };
}
