import { sceneEntry } from '../scene-entry.ts';
import JoinForm from './JoinForm.svelte';
import JoinScene from './JoinScene.svelte';

/** A QR code to join (the kiosk app by default, with the screen's venue). */
export const joinScene = sceneEntry({
  kind: 'join',
  view: JoinScene,
  form: JoinForm,
  blank: () => ({ kind: 'join', title: '' }),
  // An empty address is left out: the hub's own kiosk address is used.
  tidy: ({ title, url }) => (url?.trim() ? { kind: 'join', title: title.trim(), url: url.trim() } : { kind: 'join', title: title.trim() }),
});
