/** One ranked row: the place (the hub's: a tie shares one), the name, and the score in words. */
export interface RankingRow {
  key: string | number;
  rank: number;
  name: string;
  score: string;
  /** A quieter figure before the score (the kiosk quiz: how many right); left out on a phone. */
  detail?: string;
  /** The player's own row: gold, with the "you" tag. */
  mine?: boolean;
}
