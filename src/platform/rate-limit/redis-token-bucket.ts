import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { refillPerMs, type RateLimitDecision, type RateLimiter, type TokenBucketPolicy } from './rate-limiter.ts';

/**
 * Refill, take and store in one atomic step, timed by the Redis server's clock so API replicas with
 * skewed clocks share one fair bucket. The key expires once the bucket would be full again.
 * KEYS[1] bucket; ARGV: capacity, tokens per ms. Returns { allowed 0|1, tokens left (string), ms until a token }.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
local wait_ms = 0
if allowed == 0 then wait_ms = (1 - tokens) / per_ms end
return { allowed, tostring(tokens), tostring(wait_ms) }
`;
const TAKE_SCRIPT_SHA = createHash('sha1').update(TAKE_SCRIPT).digest('hex');

/** Buckets in Redis, shared by every API replica. */
export class RedisTokenBucket implements RateLimiter {
  private readonly perMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly policy: TokenBucketPolicy,
    private readonly keyPrefix: string,
    private readonly logger: Logger,
  ) {
    this.perMs = refillPerMs(policy);
  }

  async take(key: string): Promise<RateLimitDecision> {
    const redisKey = `${this.keyPrefix}bucket:${this.policy.name}:${key}`;
    try {
      const [allowed, tokens, waitMs] = await this.run(redisKey);
      return {
        allowed: allowed === 1,
        remaining: Math.floor(Number(tokens)),
        retryAfterSeconds: Number(waitMs) / 1000,
      };
    } catch (error) {
      // Like the global limiter (skipOnError): a Redis outage must not stop everyone from acting.
      this.logger.warn(
        { err: error, limit: this.policy.name },
        'rate limiter unavailable; letting the request through',
      );
      return { allowed: true, remaining: 0, retryAfterSeconds: 0 };
    }
  }

  /** EVALSHA, loading the script on first use (and again after a Redis restart forgets it). */
  private async run(redisKey: string): Promise<[number, string, string]> {
    const args = [1, redisKey, this.policy.capacity, this.perMs] as const;
    try {
      return (await this.redis.evalsha(TAKE_SCRIPT_SHA, ...args)) as [number, string, string];
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return (await this.redis.eval(TAKE_SCRIPT, ...args)) as [number, string, string];
    }
  }
}
