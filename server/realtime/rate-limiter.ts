/**
 * A token bucket per socket: a burst of `burst` events, refilled at `perSecond`. Keyed by
 * socket, never by address, since a whole venue's phones share a few addresses behind NAT.
 */
export interface TokenBucket {
  tokens: number;
  updatedAt: number;
}

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export function newBucket(limit: RateLimit, now: number): TokenBucket {
  return { tokens: limit.burst, updatedAt: now };
}

/** Takes one token if there is one; returns whether the event may pass. Mutates the bucket. */
export function takeToken(bucket: TokenBucket, limit: RateLimit, now: number): boolean {
  const refill = ((now - bucket.updatedAt) / 1000) * limit.perSecond;
  bucket.tokens = Math.min(limit.burst, bucket.tokens + refill);
  bucket.updatedAt = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
