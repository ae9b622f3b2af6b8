import type { HubIo } from '../realtime/socket-server.ts';
import type { StageBroadcaster } from './stage-service.ts';

export const CONSOLE_ROOM = 'consoles';
export const groupRoom = (groupId: string) => `group:${groupId}`;

/** Program goes to the group's screens and the consoles; preview to the consoles only. */
export function stageBroadcaster(io: () => HubIo): StageBroadcaster {
  return {
    program: (view) => io().to(groupRoom(view.groupId)).to(CONSOLE_ROOM).emit('stage:program', view),
    preview: (view) => io().to(CONSOLE_ROOM).emit('stage:preview', view),
  };
}
