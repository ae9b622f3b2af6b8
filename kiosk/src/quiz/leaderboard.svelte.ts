import type { Leaderboard } from '../../../shared/quiz.ts';
import { hub } from '../hub.svelte.ts';

/**
 * The day's leaderboard, asked for after every (re)connect and then kept current by the hub's
 * updates. Null until the hub has answered (or when this device may not watch it).
 */
let board = $state.raw<Leaderboard | null>(null);

function take(next: Leaderboard): void {
  // Updates may cross a watch reply: keep the newest of the day; a new day starts afresh.
  if (!board || next.day !== board.day || next.revision >= board.revision) board = next;
}

let watching = false;
export function watchLeaderboard(): void {
  if (watching) return;
  watching = true;
  hub.socket.on('leaderboard:update', take);
  hub.onReady(async () => {
    const ack = await hub.request('leaderboard:watch', {});
    if (ack.ok) take(ack.data);
  });
}

export const leaderboard = {
  get current() {
    return board;
  },
};
