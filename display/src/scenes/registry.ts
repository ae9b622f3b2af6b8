import { awardsScene } from './awards/index.ts';
import { blankScene } from './blank/index.ts';
import { clockScene } from './clock/index.ts';
import { countdownScene } from './countdown/index.ts';
import { drawScene } from './draw/index.ts';
import { joinScene } from './join/index.ts';
import { leaderboardScene } from './leaderboard/index.ts';
import { loopScene } from './loop/index.ts';
import { messageScene } from './message/index.ts';
import { programScene } from './program/index.ts';
import { quizScene } from './quiz/index.ts';
import type { SceneRegistry } from './scene-entry.ts';
import { statsScene } from './stats/index.ts';

/**
 * Every kind of scene, by kind: how it is drawn, what it follows on the hub, how the console
 * builds one. The type checker wants an entry for every kind in shared/scenes.ts. A new scene is
 * its folder here, its schema there, and one line below.
 */
export const SCENES: SceneRegistry = {
  message: messageScene,
  join: joinScene,
  loop: loopScene,
  stats: statsScene,
  leaderboard: leaderboardScene,
  quiz: quizScene,
  blank: blankScene,
  program: programScene,
  countdown: countdownScene,
  draw: drawScene,
  awards: awardsScene,
  clock: clockScene,
};
