import type { SlotState } from '../../shared/stage.ts';
import { api, type Session } from './staff.ts';

/** Prepares a scene and takes it live over REST, as a show-control script signed in as staff would. */
export async function takeOverRest(base: string, groupId: string, scene: object, session: Session): Promise<SlotState> {
  const prepared = await api(base, session).post(`/api/groups/${groupId}/prepare`, { scene });
  if (!prepared.ok) throw new Error(`prepare: ${prepared.status} ${await prepared.text()}`);
  const { revision } = (await prepared.json()) as SlotState;
  const taken = await api(base, session).post(`/api/groups/${groupId}/take`, { previewRevision: revision });
  if (!taken.ok) throw new Error(`take: ${taken.status} ${await taken.text()}`);
  return (await taken.json()) as SlotState;
}
