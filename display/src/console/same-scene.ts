import type { Scene } from '../../../shared/scenes.ts';

/** Same scene, field for field: the console marks a preview that is already on air. */
export function sameScene(a: Scene, b: Scene): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
