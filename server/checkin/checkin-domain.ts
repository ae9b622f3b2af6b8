import type { PassKeys } from '../passes/pass-keys.ts';
import type { Identity } from '../auth/identity.ts';
import { visibleVenues } from '../auth/guard.ts';
import type { DeviceService } from '../devices/device-service.ts';
import { commands, defineDomain, type HubCore } from '../domain.ts';
import { HubError } from '../hub-error.ts';
import { venueTargets } from '../venues/venue-targets.ts';
import { createCheckinService } from './checkin-service.ts';

const deviceIdOf = (identity: Identity) => (identity.kind === 'device' ? identity.device.id : null);

/** Check-in at entrances and stations: one scan at a time, or a kiosk's offline outbox; each scan id applied once. */
export function checkinDomain(core: HubCore, deps: { passKeys: PassKeys; devices: DeviceService; counted: () => void }) {
  const { db } = core;
  const checkin = createCheckinService(db, deps.passKeys, deps.counted, core.clock.now);
  /** The venue of a check-in point: what the guard's reach step checks (every check-in passes through here). */
  const venueOfCheckpoint = venueTargets(db).ofPoint;
  return defineDomain({
    name: 'checkin',
    service: checkin,
    // The reset retired the rehearsal's pass keys (the visitors domain, before this one, made a new one).
    dataReplaced: () => checkin.reloadKeys(),
    commands: commands<'checkin:setup' | 'checkin:scan' | 'checkin:upload'>({
      'checkin:setup': {
        run: (_request, { identity }) => {
          const deviceId = deviceIdOf(identity);
          return {
            checkpoints: checkin.checkpoints(visibleVenues(identity)),
            assignedCheckpointId: deviceId ? (deps.devices.find(deviceId)?.checkpointId ?? null) : null,
          };
        },
      },
      'checkin:scan': {
        target: ({ checkpointId }) => venueOfCheckpoint(checkpointId),
        run: (scan, { identity }) => checkin.scan({ ...scan, deviceId: deviceIdOf(identity) }),
      },
      'checkin:upload': {
        // One upload holds the scans of one venue: every one is checked, so a foreign scan refuses the lot.
        target: ({ scans }) => {
          const venues = new Set(scans.map((scan) => venueOfCheckpoint(scan.checkpointId).venueId));
          if (venues.size !== 1) throw new HubError('BAD_PAYLOAD', 'one upload holds the scans of one venue');
          return { venueId: [...venues][0]! };
        },
        run: async ({ scans }, { identity }) => {
          const deviceId = deviceIdOf(identity);
          return { outcomes: await checkin.upload(scans.map((scan) => ({ ...scan, deviceId }))) };
        },
      },
    }),
  });
}
