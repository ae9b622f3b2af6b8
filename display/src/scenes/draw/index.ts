import { drawFeed } from '../../../../shared/client/feeds.ts';
import { sceneEntry } from '../scene-entry.ts';
import DrawForm from './DrawForm.svelte';
import DrawScene from './DrawScene.svelte';

/** A prize draw: masked names rolling, then the winners landing one by one. */
export const drawScene = sceneEntry({
  kind: 'draw',
  view: DrawScene,
  feed: (scene) => drawFeed(scene.drawId),
  form: DrawForm,
  blank: () => ({ kind: 'draw', drawId: '' }),
  tidy: (scene) => ({ kind: 'draw', drawId: scene.drawId.trim() }),
});
