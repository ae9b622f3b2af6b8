import { sceneEntry } from '../scene-entry.ts';
import BlankScene from './BlankScene.svelte';

/** Nothing on air: black. */
export const blankScene = sceneEntry({
  kind: 'blank',
  view: BlankScene,
  hint: 'console.blankHint',
  blank: () => ({ kind: 'blank' }),
});
