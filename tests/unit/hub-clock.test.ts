import { expect, test } from 'vitest';
import { bestEstimate } from '../../shared/client/hub-clock-samples.ts';

test('the offset comes from the sample with the shortest round trip, the hub read halfway through it', () => {
  // The hub's clock is 5000 ms ahead; the slow samples waited 80 ms on the way back.
  const samples = [
    { sentAt: 1000, receivedAt: 1100, serverNow: 6020 },
    { sentAt: 2000, receivedAt: 2010, serverNow: 7005 },
    { sentAt: 3000, receivedAt: 3090, serverNow: 8010 },
  ];
  expect(bestEstimate(samples)).toEqual({ offsetMs: 5000, rttMs: 10 });
  expect(bestEstimate([])).toBeNull();
  // A sample whose clock went backwards (the page's clock was set) is left out.
  expect(bestEstimate([{ sentAt: 10, receivedAt: 5, serverNow: 0 }])).toBeNull();
});
