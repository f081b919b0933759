import { refillPerMs, type RateLimitDecision, type RateLimiter, type TokenBucketPolicy } from './rate-limiter.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Past this many keys, buckets that have refilled completely are dropped (a full bucket is the default
 * state). At most once per refill-to-full time, so a crowd of active users cannot make every take a sweep.
 */
const SWEEP_THRESHOLD = 10_000;

/** Buckets in this process's memory: right for one API process (the embedded default). */
export class MemoryTokenBucket implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private nextSweepAt = 0;

  constructor(
    private readonly policy: TokenBucketPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = refillPerMs(policy);
  }

  async take(key: string): Promise<RateLimitDecision> {
    const now = this.now();
    const tokens = this.tokensAt(this.buckets.get(key), now);
    if (this.buckets.size >= SWEEP_THRESHOLD && now >= this.nextSweepAt) this.sweep(now);
    const allowed = tokens >= 1;
    const left = allowed ? tokens - 1 : tokens;
    this.buckets.set(key, { tokens: left, updatedAt: now });
    return {
      allowed,
      remaining: Math.floor(left),
      retryAfterSeconds: allowed ? 0 : (1 - left) / this.perMs / 1000,
    };
  }

  private tokensAt(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.policy.capacity;
    return Math.min(this.policy.capacity, bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.perMs);
  }

  private sweep(now: number): void {
    this.nextSweepAt = now + this.policy.capacity / this.perMs;
    for (const [key, bucket] of this.buckets) {
      if (this.tokensAt(bucket, now) >= this.policy.capacity) this.buckets.delete(key);
    }
  }
}
