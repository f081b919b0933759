/**
 * A per-key token bucket: each key holds at most `capacity` tokens, refilled continuously at
 * `refillPerMinute`; every action takes one. A full bucket lets a burst of `capacity` actions through,
 * after which actions are spaced by the refill rate.
 */
export interface TokenBucketPolicy {
  /** Names the limit in storage (Redis keys), so two features never share buckets. */
  name: string;
  capacity: number;
  refillPerMinute: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole tokens left after this call. */
  remaining: number;
  /** When refused, seconds until a token is back (fractional); 0 when allowed. */
  retryAfterSeconds: number;
}

/** The port features use; adapters: in-process (memory-token-bucket.ts) and Redis (redis-token-bucket.ts). */
export interface RateLimiter {
  /** Takes one token from `key`'s bucket if there is one. */
  take(key: string): Promise<RateLimitDecision>;
}

/** Tokens per millisecond: the unit both adapters compute in. */
export const refillPerMs = (policy: TokenBucketPolicy) => policy.refillPerMinute / 60_000;
