import { statsFeed } from '../../../../shared/client/feeds.ts';
import { sceneEntry } from '../scene-entry.ts';
import StatsScene from './StatsScene.svelte';

/** The day's counts, live: registered, checked in, stations, entries per hour (no personal data). */
export const statsScene = sceneEntry({
  kind: 'stats',
  view: StatsScene,
  feed: () => statsFeed,
  hint: 'console.statsHint',
  blank: () => ({ kind: 'stats' }),
});
