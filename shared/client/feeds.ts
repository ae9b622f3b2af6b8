import type { AwardsState } from '../awards.ts';
import type { DrawScreenState } from '../draw.ts';
import type { EventInfo } from '../event.ts';
import type { LiveCount, LiveState } from '../live.ts';
import type { ProgrammeBoard } from '../programme.ts';
import type { Leaderboard } from '../quiz.ts';
import type { StatsSnapshot } from '../stats.ts';
import type { FeedSpec } from './feed.svelte.ts';

/** A day's figures: a new day's replace the old whatever their revision (the counter starts again). */
const newerDay = (update: { day: string; revision: number }, shown: { day: string; revision: number }) =>
  update.day !== shown.day || update.revision > shown.revision;

/** The day's counts (no personal data): `stats` screens and the figures tab. */
export const statsFeed: FeedSpec<StatsSnapshot> = {
  key: 'stats',
  watch: (hub) => hub.request('stats:watch', {}),
  event: 'stats:update',
  newer: newerDay,
};

/** The day's quiz leaderboards, names masked: `leaderboard` screens, kiosks' attract screen, the figures tab. */
export const leaderboardFeed: FeedSpec<Leaderboard> = {
  key: 'leaderboard',
  watch: (hub) => hub.request('leaderboard:watch', {}),
  event: 'leaderboard:update',
  newer: newerDay,
};

/** One live quiz session, and the answered count of its open question between its states. */
export const liveFeed = (sessionId: string): FeedSpec<LiveState> => ({
  key: `live:${sessionId}`,
  watch: (hub) => hub.request('live:watch', { sessionId }),
  event: 'live:state',
  belongs: (state) => state.sessionId === sessionId,
  patches: [
    {
      event: 'live:count',
      apply: (shown: LiveState, count: LiveCount) =>
        // Only a phase with a question on has a count; the players' number moves with it.
        count.sessionId === shown.sessionId && count.index === shown.index && 'answered' in shown
          ? { ...shown, answered: count.answered, players: count.players }
          : shown,
    },
  ],
});

/** Now and next of the running order: `program` screens. */
export const programmeFeed: FeedSpec<ProgrammeBoard> = {
  key: 'programme',
  watch: (hub) => hub.request('programme:watch', {}),
  event: 'programme:board',
};

/** One prize draw, masked names (winners only after the reveal). */
export const drawFeed = (drawId: string): FeedSpec<DrawScreenState> => ({
  key: `draw:${drawId}`,
  watch: (hub) => hub.request('draw:watch', { drawId }),
  event: 'draw:state',
  belongs: (state) => state.drawId === drawId,
});

/** The award ceremony, only what has been revealed. */
export const awardsFeed: FeedSpec<AwardsState> = {
  key: 'awards',
  watch: (hub) => hub.request('awards:watch', {}),
  event: 'awards:state',
};

/** The event itself (name, day, theme, hotlines, venues' names): every app. */
export const eventFeed: FeedSpec<EventInfo> = {
  key: 'event',
  watch: (hub) => hub.request('event:watch', {}),
  event: 'event:info',
};
