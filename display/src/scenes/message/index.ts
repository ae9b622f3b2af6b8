import { sceneEntry } from '../scene-entry.ts';
import MessageForm from './MessageForm.svelte';
import MessageScene from './MessageScene.svelte';

/** An announcement: a title, a text and a tone (information, celebration, notice). */
export const messageScene = sceneEntry({
  kind: 'message',
  view: MessageScene,
  form: MessageForm,
  blank: () => ({ kind: 'message', title: '', body: '', tone: 'info' }),
  tidy: (scene) => ({ ...scene, title: scene.title.trim(), body: scene.body.trim() }),
});
