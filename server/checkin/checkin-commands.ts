import type { CommandHandlers } from '../realtime/command-router.ts';
import type { Identity } from '../auth/identity.ts';
import { visibleVenues } from '../auth/guard.ts';
import type { VisitorService } from '../visitors/visitor-service.ts';
import type { CheckinService } from './checkin-service.ts';
import type { createStatsFeed } from './stats-feed.ts';

export const STATS_ROOM = 'stats';

const deviceIdOf = (identity: Identity) => (identity.kind === 'device' ? identity.device.id : null);

/** Kiosk commands: register a visitor at the touch screen, scan a pass, upload the offline outbox. */
export function checkinCommands(
  visitors: VisitorService,
  checkin: CheckinService,
  stats: ReturnType<typeof createStatsFeed>,
): Pick<CommandHandlers, 'visitor:register' | 'stats:watch' | 'checkin:setup' | 'checkin:scan' | 'checkin:upload'> {
  return {
    'stats:watch': (_request, socket) => {
      void socket.join(STATS_ROOM);
      return stats.snapshot();
    },
    'checkin:setup': (_request, socket) => ({ checkpoints: checkin.checkpoints(visibleVenues(socket.data.identity as Identity)) }),
    'visitor:register': (body, socket) => {
      const deviceId = deviceIdOf(socket.data.identity as Identity);
      return visitors.register(body, { channel: deviceId ? 'kiosk' : 'phone', deviceId });
    },
    'checkin:scan': (scan, socket) => checkin.scan({ ...scan, deviceId: deviceIdOf(socket.data.identity as Identity) }),
    'checkin:upload': async ({ scans }, socket) => {
      const deviceId = deviceIdOf(socket.data.identity as Identity);
      return { outcomes: await checkin.upload(scans.map((scan) => ({ ...scan, deviceId }))) };
    },
  };
}
