import type { LiveRanked } from '../../../shared/live.ts';
import type { RankingRow } from '../quiz-ui/ranking-row.ts';

/**
 * The hub's ranked entries as rows, the player's own marked. The hub sends masked names and no
 * ids, so "mine" is the row with this player's name and score; rows are keyed by position.
 */
export function rankingRows(entries: LiveRanked[], me: { name: string; score: number } | null, number: (value: number) => string): RankingRow[] {
  return entries.map((entry, position) => ({
    key: position,
    rank: entry.rank,
    name: entry.name,
    score: number(entry.score),
    mine: me !== null && entry.name === me.name && entry.score === me.score,
  }));
}
