import type { HubConnection } from '../../../shared/client/hub-socket.svelte.ts';
import { quizOutbox, quizPack } from './offline-quiz.ts';

const FLUSH_EVERY_MS = 10_000;

/**
 * A paired kiosk keeps its offline pack fresh each time it connects, and sends the challenges
 * played offline as soon as (and for as long as) the hub is there. An upload the hub refuses
 * for good (a bad answer) leaves the outbox too: resending it would never succeed.
 */
export function keepOfflineQuiz(hub: HubConnection): void {
  let flushing = false;
  async function flush() {
    if (flushing || hub.status !== 'online' || hub.identity?.principal !== 'kiosk') return;
    flushing = true;
    try {
      for (const upload of quizOutbox.all()) {
        const ack = await hub.request('quiz:upload', upload);
        if (!ack.ok && (ack.code === 'NO_ANSWER' || ack.code === 'RATE_LIMITED' || ack.code === 'INTERNAL')) break;
        quizOutbox.remove(upload.offlineId);
      }
    } finally {
      flushing = false;
    }
  }
  hub.onReady(async (identity) => {
    if (identity.principal !== 'kiosk') return;
    const pack = await hub.request('quiz:pack', {});
    if (pack.ok) quizPack.set(pack.data);
    await flush();
  });
  setInterval(() => void flush(), FLUSH_EVERY_MS);
}
