import { expect, test } from 'vitest';
import { startLoop, type LoopLayers } from '../../display/src/scenes/loop-player.ts';
import type { MediaItem } from '../../shared/media.ts';

const item = (id: string): MediaItem => ({ id, kind: 'image', url: `/${id}.jpg`, title: id, titleEn: id, durationMs: 1000 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

test('the next item loads on the other layer only once the current one is on screen, and a slow load holds the current picture', async () => {
  const steps: string[] = [];
  const pending = new Map<string, () => void>();
  const waitFor = (key: string) => new Promise<void>((resolve) => pending.set(key, resolve));
  const release = (key: string) => pending.get(key)!();
  const layers: LoopLayers = {
    load: async (layer, media) => {
      steps.push(`load ${media.id}@${layer}`);
      if (media.id === 'c') await waitFor('load c');
    },
    show: async (layer, media) => {
      steps.push(`show ${media.id}@${layer}`);
      return { done: waitFor(`show ${media.id}`) };
    },
  };
  const stop = startLoop([item('a'), item('b'), item('c')], layers);
  await settle();
  expect(steps).toEqual(['load a@0', 'show a@0', 'load b@1']);
  release('show a');
  await settle();
  expect(steps.slice(3)).toEqual(['show b@1', 'load c@0']);
  release('show b');
  await settle();
  // b is done but c is not ready: nothing new is shown (b stays on screen), no black gap.
  expect(steps).toHaveLength(5);
  release('load c');
  await settle();
  expect(steps.slice(5)).toEqual(['show c@0', 'load a@1']);
  stop();
  release('show c');
  await settle();
  expect(steps).toHaveLength(7);
});
