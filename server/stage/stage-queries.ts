import type { Db } from '../store/database.ts';
import type { Scene } from '../../shared/scenes.ts';
import type { FollowMode, SlotState } from '../../shared/stage.ts';
import { EMPTY_SLOT, type GroupState } from './stage-rules.ts';

type SlotName = 'program' | 'preview';

interface SlotRow {
  slot: SlotName;
  revision: number;
  scene_json: string;
  changed_at: number;
  switch_at: number | null;
}

function toSlot(row: SlotRow | undefined): SlotState {
  if (!row) return EMPTY_SLOT;
  const slot: SlotState = { revision: row.revision, scene: JSON.parse(row.scene_json) as Scene, changedAt: row.changed_at };
  return row.switch_at === null ? slot : { ...slot, switchAt: row.switch_at };
}

export function loadGroupState(db: Db, groupId: string): GroupState | undefined {
  const group = db.prepare('SELECT venue_id, revision, follow FROM display_groups WHERE id = ?').get(groupId) as
    { venue_id: string; revision: number; follow: FollowMode } | undefined;
  if (!group) return undefined;
  const rows = db.prepare('SELECT slot, revision, scene_json, changed_at, switch_at FROM stage_slots WHERE group_id = ?').all(groupId) as SlotRow[];
  return {
    groupId,
    venueId: group.venue_id,
    revision: group.revision,
    follow: group.follow,
    program: toSlot(rows.find((row) => row.slot === 'program')),
    preview: toSlot(rows.find((row) => row.slot === 'preview')),
  };
}

export function listGroupStates(db: Db): GroupState[] {
  const ids = db.prepare('SELECT id FROM display_groups ORDER BY sort').pluck().all() as string[];
  return ids.map((id) => loadGroupState(db, id)).filter((state) => state !== undefined);
}

/** Stores one changed slot with its group's counter, atomically, and keeps it in the history. */
export function saveSlot(db: Db, groupId: string, slotName: SlotName, slot: SlotState): void {
  const sceneJson = JSON.stringify(slot.scene);
  db.transaction(() => {
    db.prepare('UPDATE display_groups SET revision = ? WHERE id = ?').run(slot.revision, groupId);
    db.prepare(
      `INSERT INTO stage_slots (group_id, slot, revision, scene_json, changed_at, switch_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (group_id, slot) DO UPDATE SET revision = excluded.revision,
         scene_json = excluded.scene_json, changed_at = excluded.changed_at, switch_at = excluded.switch_at`,
    ).run(groupId, slotName, slot.revision, sceneJson, slot.changedAt, slot.switchAt ?? null);
    db.prepare('INSERT INTO stage_history (group_id, slot, revision, scene_json, changed_at) VALUES (?, ?, ?, ?, ?)').run(
      groupId,
      slotName,
      slot.revision,
      sceneJson,
      slot.changedAt,
    );
  })();
}

/** The main stage: the first display group of the main venue. */
export const mainStageGroupId = (db: Db): string | undefined =>
  db
    .prepare(
      `SELECT g.id FROM display_groups g JOIN venues v ON v.id = g.venue_id
       WHERE v.kind = 'main' AND g.retired_at IS NULL ORDER BY v.sort, g.sort LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;

export const followersOfMain = (db: Db, mainGroupId: string): string[] =>
  db.prepare("SELECT id FROM display_groups WHERE follow = 'main' AND id != ? ORDER BY sort").pluck().all(mainGroupId) as string[];

export function setFollow(db: Db, groupId: string, follow: FollowMode): void {
  db.prepare('UPDATE display_groups SET follow = ? WHERE id = ?').run(follow, groupId);
}
