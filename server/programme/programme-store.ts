import type { Db } from '../store/database.ts';
import type { Scene } from '../../shared/scenes.ts';
import { formatMinutes, inRunningOrder, minutesOf, type ProgrammeItem } from '../../shared/programme.ts';

interface ItemRow {
  id: string;
  title: string;
  title_en: string;
  performers: string;
  start_min: number;
  length_min: number;
  scene_json: string;
  group_ids_json: string;
  notes: string;
}

interface PointerRow {
  revision: number;
  current_id: string | null;
  started_at: number | null;
}

const toItem = (row: ItemRow): ProgrammeItem => ({
  id: row.id,
  title: row.title,
  titleEn: row.title_en,
  performers: row.performers,
  start: formatMinutes(row.start_min),
  lengthMin: row.length_min,
  scene: JSON.parse(row.scene_json) as Scene,
  groupIds: JSON.parse(row.group_ids_json) as string[],
  notes: row.notes,
});

/** The running order's SQL, prepared once: the items, and the one pointer row with its revision. */
export function createProgrammeStore(db: Db) {
  const s = {
    items: db.prepare('SELECT * FROM programme_items'),
    pointer: db.prepare('SELECT revision, current_id, started_at FROM programme_state WHERE id = 1'),
    upsert: db.prepare(
      `INSERT INTO programme_items (id, title, title_en, performers, start_min, length_min, scene_json, group_ids_json, notes, updated_at)
       VALUES (@id, @title, @titleEn, @performers, @startMin, @lengthMin, @scene, @groupIds, @notes, @at)
       ON CONFLICT (id) DO UPDATE SET title = @title, title_en = @titleEn, performers = @performers, start_min = @startMin,
         length_min = @lengthMin, scene_json = @scene, group_ids_json = @groupIds, notes = @notes, updated_at = @at`,
    ),
    remove: db.prepare('DELETE FROM programme_items WHERE id = ?'),
    bump: db.prepare('UPDATE programme_state SET revision = revision + 1 WHERE id = 1'),
    point: db.prepare('UPDATE programme_state SET revision = revision + 1, current_id = ?, started_at = ? WHERE id = 1'),
  };
  return {
    /** Every item, in the order they run. */
    items: (): ProgrammeItem[] => inRunningOrder((s.items.all() as ItemRow[]).map(toItem)),
    pointer: () => s.pointer.get() as PointerRow,
    /** Writes an item and bumps the revision (call inside a transaction with its audit entry). */
    save(item: ProgrammeItem, at: number): void {
      s.upsert.run({
        id: item.id,
        title: item.title,
        titleEn: item.titleEn,
        performers: item.performers,
        startMin: minutesOf(item.start),
        lengthMin: item.lengthMin,
        scene: JSON.stringify(item.scene),
        groupIds: JSON.stringify(item.groupIds),
        notes: item.notes,
        at,
      });
      s.bump.run();
    },
    remove(id: string): void {
      s.remove.run(id);
      s.bump.run();
    },
    point(currentId: string, startedAt: number): void {
      s.point.run(currentId, startedAt);
    },
  };
}
