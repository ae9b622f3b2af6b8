import { programmeFeed } from '../../../../shared/client/feeds.ts';
import { sceneEntry } from '../scene-entry.ts';
import ProgramScene from './ProgramScene.svelte';

/** Lobby screens: the running order's item on now and the next few, with their planned times. */
export const programScene = sceneEntry({
  kind: 'program',
  view: ProgramScene,
  feed: () => programmeFeed,
  hint: 'console.programHint',
  blank: () => ({ kind: 'program' }),
});
