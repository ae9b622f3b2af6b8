import { sceneEntry } from '../scene-entry.ts';
import CountdownForm from './CountdownForm.svelte';
import CountdownScene from './CountdownScene.svelte';

/** A big hh:mm:ss to a set time (the launch), on the hub's clock; the end text at zero. */
export const countdownScene = sceneEntry({
  kind: 'countdown',
  view: CountdownScene,
  form: CountdownForm,
  blank: () => ({ kind: 'countdown', title: '', to: '' }),
  tidy: ({ title, to, endText }) =>
    endText?.trim() ? { kind: 'countdown', title: title.trim(), to, endText: endText.trim() } : { kind: 'countdown', title: title.trim(), to },
});
