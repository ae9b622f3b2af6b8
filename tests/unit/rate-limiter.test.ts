import { expect, test } from 'vitest';
import { newBucket, takeToken } from '../../server/realtime/rate-limiter.ts';

const limit = { perSecond: 10, burst: 5 };

test('a burst passes, the next event is refused, and tokens come back with time', () => {
  const bucket = newBucket(limit, 0);
  const burst = Array.from({ length: 6 }, () => takeToken(bucket, limit, 0));
  expect(burst).toEqual([true, true, true, true, true, false]);
  expect(takeToken(bucket, limit, 50)).toBe(false);
  expect(takeToken(bucket, limit, 100)).toBe(true);
});

test('a quiet socket never saves up more than the burst', () => {
  const bucket = newBucket(limit, 0);
  const passed = Array.from({ length: 20 }, () => takeToken(bucket, limit, 60_000)).filter(Boolean).length;
  expect(passed).toBe(5);
});
