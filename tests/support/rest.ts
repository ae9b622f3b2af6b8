import type { SlotState } from '../../shared/stage.ts';

export const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Prepares a scene and takes it live over REST, as a show-control script would. */
export async function takeOverRest(base: string, groupId: string, scene: object): Promise<SlotState> {
  const prepared = await postJson(`${base}/api/groups/${groupId}/prepare`, { scene });
  if (!prepared.ok) throw new Error(`prepare: ${prepared.status} ${await prepared.text()}`);
  const { revision } = (await prepared.json()) as SlotState;
  const taken = await postJson(`${base}/api/groups/${groupId}/take`, { previewRevision: revision });
  if (!taken.ok) throw new Error(`take: ${taken.status} ${await taken.text()}`);
  return (await taken.json()) as SlotState;
}
