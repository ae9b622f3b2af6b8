import { leaderboardFeed } from '../../../../shared/client/feeds.ts';
import { sceneEntry } from '../scene-entry.ts';
import LeaderboardForm from './LeaderboardForm.svelte';
import LeaderboardScene from './LeaderboardScene.svelte';

/** The day's quiz leaderboard, overall or one venue's (names masked). */
export const leaderboardScene = sceneEntry({
  kind: 'leaderboard',
  view: LeaderboardScene,
  feed: () => leaderboardFeed,
  form: LeaderboardForm,
  blank: () => ({ kind: 'leaderboard' }),
  tidy: ({ venueId }) => (venueId ? { kind: 'leaderboard', venueId } : { kind: 'leaderboard' }),
});
