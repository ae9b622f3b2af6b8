import { HubError } from '../hub-error.ts';
import type { Db } from '../store/database.ts';

/**
 * The venue a screen group or a check-in point belongs to: what the guard's reach step checks for
 * every command that names one (takes, check-ins, set-up). Prepared once; retired ones included,
 * so a device paired before keeps working.
 */
export function venueTargets(db: Db) {
  const venueOfGroup = db.prepare('SELECT venue_id FROM display_groups WHERE id = ?').pluck();
  const venueOfPoint = db.prepare('SELECT venue_id FROM checkpoints WHERE id = ?').pluck();
  return {
    ofGroup(groupId: string): { venueId: string; groupId: string } {
      const venueId = venueOfGroup.get(groupId) as string | undefined;
      if (!venueId) throw new HubError('UNKNOWN_GROUP', `no display group "${groupId}"`);
      return { venueId, groupId };
    },
    ofPoint(checkpointId: string): { venueId: string } {
      const venueId = venueOfPoint.get(checkpointId) as string | undefined;
      if (!venueId) throw new HubError('UNKNOWN_CHECKPOINT', `no check-in point "${checkpointId}"`);
      return { venueId };
    },
  };
}
