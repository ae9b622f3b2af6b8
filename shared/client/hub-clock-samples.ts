/** One round trip of `clock:sync`: this page's clock when sent and when answered, and the hub's clock in the answer. */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverNow: number;
}

export interface ClockEstimate {
  /** The hub's clock minus this page's. */
  offsetMs: number;
  /** The round trip of the sample it came from: the offset is off by at most half of it. */
  rttMs: number;
}

/**
 * NTP-style: the hub read its clock about halfway through the round trip, so its offset is
 * serverNow − (sentAt + receivedAt) / 2. The sample with the shortest round trip is the one least
 * bent by queueing on the way there or back, so it is kept.
 */
export function bestEstimate(samples: ClockSample[]): ClockEstimate | null {
  let best: ClockEstimate | null = null;
  for (const { sentAt, receivedAt, serverNow } of samples) {
    const rttMs = receivedAt - sentAt;
    if (rttMs < 0) continue;
    if (!best || rttMs < best.rttMs) best = { offsetMs: serverNow - (sentAt + receivedAt) / 2, rttMs };
  }
  return best;
}
