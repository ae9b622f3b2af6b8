import { awardsFeed } from '../../../../shared/client/feeds.ts';
import { sceneEntry } from '../scene-entry.ts';
import AwardsScene from './AwardsScene.svelte';

/** The award ceremony: each category's winners revealed as the MC clicks, then the summary. */
export const awardsScene = sceneEntry({
  kind: 'awards',
  view: AwardsScene,
  feed: () => awardsFeed,
  hint: 'console.awardsHint',
  blank: () => ({ kind: 'awards' }),
});
