import type { Db } from '../store/database.ts';
import type { DrawPool } from '../../shared/draw.ts';

export interface DrawRow {
  id: string;
  day: string;
  prize: string;
  pool: DrawPool;
  includePastWinners: boolean;
  poolSize: number;
  poolHash: string;
  members: string[];
  count: number;
  randomSource: string;
  sample: string[];
  revision: number;
  createdBy: string;
  createdAt: number;
  revealedAt: number | null;
}

export interface WinnerRow {
  position: number;
  memberId: string;
  name: string;
  mobile: string | null;
}

type RawDraw = {
  id: string;
  day: string;
  prize: string;
  pool_json: string;
  include_past_winners: number;
  pool_size: number;
  pool_hash: string;
  members_json: string;
  winner_count: number;
  random_source: string;
  sample_json: string;
  revision: number;
  created_by: string;
  created_at: number;
  revealed_at: number | null;
};

const parse = (row: RawDraw): DrawRow => ({
  id: row.id,
  day: row.day,
  prize: row.prize,
  pool: JSON.parse(row.pool_json) as DrawPool,
  includePastWinners: row.include_past_winners === 1,
  poolSize: row.pool_size,
  poolHash: row.pool_hash,
  members: JSON.parse(row.members_json) as string[],
  count: row.winner_count,
  randomSource: row.random_source,
  sample: JSON.parse(row.sample_json) as string[],
  revision: row.revision,
  createdBy: row.created_by,
  createdAt: row.created_at,
  revealedAt: row.revealed_at,
});

/** The draws' SQL, prepared once: a draw with its pool, its winners in reveal order, the day's earlier winners. */
export function createDrawStore(db: Db) {
  const s = {
    draw: db.prepare('SELECT * FROM draws WHERE id = ?'),
    list: db.prepare('SELECT * FROM draws ORDER BY created_at DESC, rowid DESC LIMIT 50'),
    count: db.prepare('SELECT COUNT(*) FROM draws').pluck(),
    insert: db.prepare(
      `INSERT INTO draws (id, day, prize, pool_json, include_past_winners, pool_size, pool_hash, members_json, winner_count,
         random_source, sample_json, revision, created_by, created_at)
       VALUES (@id, @day, @prize, @pool, @includePastWinners, @poolSize, @poolHash, @members, @count, @randomSource, @sample, 1, @createdBy, @createdAt)`,
    ),
    insertWinner: db.prepare('INSERT INTO draw_winners (draw_id, position, member_id, display_name, masked_mobile) VALUES (?, ?, ?, ?, ?)'),
    winners: db.prepare('SELECT position, member_id, display_name, masked_mobile FROM draw_winners WHERE draw_id = ? ORDER BY position'),
    pastWinners: db.prepare('SELECT w.member_id FROM draw_winners w JOIN draws d ON d.id = w.draw_id WHERE d.day = ?').pluck(),
    reveal: db.prepare('UPDATE draws SET revealed_at = ?, revision = revision + 1 WHERE id = ? AND revealed_at IS NULL'),
  };
  return {
    draw: (id: string) => {
      const row = s.draw.get(id) as RawDraw | undefined;
      return row && parse(row);
    },
    list: () => (s.list.all() as RawDraw[]).map(parse),
    /** The draws' counter a run must name: one more draw, one more revision. */
    revision: () => s.count.get() as number,
    insert(draw: Omit<DrawRow, 'revision' | 'revealedAt'>, winners: WinnerRow[]) {
      s.insert.run({
        ...draw,
        pool: JSON.stringify(draw.pool),
        includePastWinners: Number(draw.includePastWinners),
        members: JSON.stringify(draw.members),
        sample: JSON.stringify(draw.sample),
      });
      for (const winner of winners) s.insertWinner.run(draw.id, winner.position, winner.memberId, winner.name, winner.mobile);
    },
    winners: (id: string): WinnerRow[] =>
      (s.winners.all(id) as { position: number; member_id: string; display_name: string; masked_mobile: string | null }[]).map((row) => ({
        position: row.position,
        memberId: row.member_id,
        name: row.display_name,
        mobile: row.masked_mobile,
      })),
    pastWinners: (day: string) => new Set(s.pastWinners.all(day) as string[]),
    reveal: (id: string, at: number) => s.reveal.run(at, id).changes === 1,
  };
}
