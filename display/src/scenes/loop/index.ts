import { sceneEntry } from '../scene-entry.ts';
import LoopForm from './LoopForm.svelte';
import LoopScene from './LoopScene.svelte';

/** A playlist of pictures and videos, played on the group's schedule (screens in step, offline from the cache). */
export const loopScene = sceneEntry({
  kind: 'loop',
  view: LoopScene,
  form: LoopForm,
  blank: ({ playlists }) => ({ kind: 'loop', playlistId: playlists[0]?.id ?? '' }),
});
