import type { CommandHandlers } from '../realtime/command-router.ts';
import type { Identity } from '../auth/identity.ts';
import { visibleVenues } from '../auth/guard.ts';
import type { VisitorService } from '../visitors/visitor-service.ts';
import type { DeviceService } from '../devices/device-service.ts';
import type { Db } from '../store/database.ts';
import { searchVisitors } from '../visitors/visitor-queries.ts';
import type { CheckinService } from './checkin-service.ts';
import type { createStatsFeed } from './stats-feed.ts';

export const STATS_ROOM = 'stats';

const deviceIdOf = (identity: Identity) => (identity.kind === 'device' ? identity.device.id : null);

/** Kiosk commands: register a visitor at the touch screen, scan a pass, upload the offline outbox. */
export function checkinCommands(
  visitors: VisitorService,
  checkin: CheckinService,
  stats: ReturnType<typeof createStatsFeed>,
  devices: DeviceService,
  db: Db,
): Pick<CommandHandlers, 'visitor:register' | 'visitor:search' | 'stats:watch' | 'checkin:setup' | 'checkin:scan' | 'checkin:upload'> {
  return {
    'stats:watch': (_request, socket) => {
      void socket.join(STATS_ROOM);
      return stats.snapshot();
    },
    'checkin:setup': (_request, socket) => {
      const identity = socket.data.identity as Identity;
      const deviceId = deviceIdOf(identity);
      return {
        checkpoints: checkin.checkpoints(visibleVenues(identity)),
        assignedCheckpointId: deviceId ? (devices.find(deviceId)?.checkpointId ?? null) : null,
      };
    },
    'visitor:register': (body, socket) => {
      const deviceId = deviceIdOf(socket.data.identity as Identity);
      return visitors.register(body, { channel: deviceId ? 'kiosk' : 'phone', deviceId });
    },
    'visitor:search': ({ query }) => searchVisitors(db, query),
    'checkin:scan': (scan, socket) => checkin.scan({ ...scan, deviceId: deviceIdOf(socket.data.identity as Identity) }),
    'checkin:upload': async ({ scans }, socket) => {
      const deviceId = deviceIdOf(socket.data.identity as Identity);
      return { outcomes: await checkin.upload(scans.map((scan) => ({ ...scan, deviceId }))) };
    },
  };
}
