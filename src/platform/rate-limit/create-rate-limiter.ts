import type { Platform } from '../platform.ts';
import { MemoryTokenBucket } from './memory-token-bucket.ts';
import type { RateLimiter, TokenBucketPolicy } from './rate-limiter.ts';
import { RedisTokenBucket } from './redis-token-bucket.ts';

/** Redis buckets when the platform has Redis (several API replicas share them), in-process ones otherwise. */
export function createRateLimiter(
  platform: Pick<Platform, 'redis' | 'config' | 'logger'>,
  policy: TokenBucketPolicy,
): RateLimiter {
  if (platform.redis)
    return new RedisTokenBucket(platform.redis, policy, `${platform.config.redisKeyPrefix}ratelimit:`, platform.logger);
  return new MemoryTokenBucket(policy);
}
