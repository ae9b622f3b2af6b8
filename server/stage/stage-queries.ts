import type { Db } from '../store/database.ts';
import type { Scene } from '../../shared/scenes.ts';
import type { SlotState } from '../../shared/stage.ts';
import { EMPTY_SLOT, type GroupState } from './stage-rules.ts';

type SlotName = 'program' | 'preview';

interface SlotRow {
  slot: SlotName;
  revision: number;
  scene_json: string;
  changed_at: number;
}

function toSlot(row: SlotRow | undefined): SlotState {
  if (!row) return EMPTY_SLOT;
  return { revision: row.revision, scene: JSON.parse(row.scene_json) as Scene, changedAt: row.changed_at };
}

export function loadGroupState(db: Db, groupId: string): GroupState | undefined {
  const group = db.prepare('SELECT revision FROM display_groups WHERE id = ?').get(groupId) as
    | { revision: number }
    | undefined;
  if (!group) return undefined;
  const rows = db.prepare('SELECT slot, revision, scene_json, changed_at FROM stage_slots WHERE group_id = ?').all(groupId) as SlotRow[];
  return {
    groupId,
    revision: group.revision,
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
      `INSERT INTO stage_slots (group_id, slot, revision, scene_json, changed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (group_id, slot) DO UPDATE SET revision = excluded.revision,
         scene_json = excluded.scene_json, changed_at = excluded.changed_at`,
    ).run(groupId, slotName, slot.revision, sceneJson, slot.changedAt);
    db.prepare(
      'INSERT INTO stage_history (group_id, slot, revision, scene_json, changed_at) VALUES (?, ?, ?, ?, ?)',
    ).run(groupId, slotName, slot.revision, sceneJson, slot.changedAt);
  })();
}
