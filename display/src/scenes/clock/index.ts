import { programmeFeed } from '../../../../shared/client/feeds.ts';
import { sceneEntry } from '../scene-entry.ts';
import ClockForm from './ClockForm.svelte';
import ClockScene from './ClockScene.svelte';

/** A clock between items: the hub's time and date in Beijing, and what the running order has next. */
export const clockScene = sceneEntry({
  kind: 'clock',
  view: ClockScene,
  feed: () => programmeFeed,
  form: ClockForm,
  hint: 'clock.hint',
  blank: () => ({ kind: 'clock' }),
  tidy: ({ title }) => (title?.trim() ? { kind: 'clock', title: title.trim() } : { kind: 'clock' }),
});
