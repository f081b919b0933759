import { z } from 'zod';
import { aiEnvSchema } from './platform/ai/ai-config.ts';

/**
 * The environment variables StreamHub reads, validated and defaulted in one schema; config.ts turns the
 * parsed result into the Config every other module takes.
 */

/** Turns "a,b , c" into ['a','b','c']; empty or missing gives []. */
const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

const postgresUrl = z
  .string()
  .url('must be a URL such as postgres://user:pass@host:5432/db')
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

const redisUrl = z
  .string()
  .url('must be a URL such as redis://127.0.0.1:6379')
  .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://');

const envBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((value) => (value === undefined ? undefined : ['true', '1', 'yes'].includes(value)));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: positiveInt(10),
  DATABASE_POOL_TIMEOUT_MS: positiveInt(15_000),
  DATABASE_SLOW_QUERY_MS: positiveInt(200),
  DATABASE_NAMED_STATEMENTS: envBoolean,
  DATABASE_REPLICA_URLS: commaList.pipe(z.array(postgresUrl)),
  DATABASE_REPLICA_MAX_LAG_MS: positiveInt(2000),
  DATABASE_REPLICA_CHECK_MS: positiveInt(500),
  DATABASE_READ_YOUR_WRITES_MS: positiveInt(10_000),
  REDIS_URL: redisUrl.optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,50}$/, 'letters, digits and : . - _ only')
    .default('streamhub:'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: positiveInt(30 * 24 * 3600),
  PASSWORD_RESET_TTL_SECONDS: positiveInt(3600),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_FORCE_PATH_STYLE: envBoolean,
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('StreamHub <no-reply@streamhub.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: commaList,
  BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
  RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt(5),
  RATE_LIMIT_REGISTER_PER_HOUR: positiveInt(3),
  RATE_LIMIT_GLOBAL_PER_MINUTE: positiveInt(1000),
  COMMENT_RATE_PER_MINUTE: positiveInt(5),
  COMMENT_BURST: positiveInt(3),
  WORKERS_IN_PROCESS: envBoolean,
  MAX_UPLOAD_BYTES: positiveInt(10 * 1024 ** 3),
  UPLOADS_PER_DAY: positiveInt(10),
  THUMBNAIL_MAX_BYTES: positiveInt(2 * 1024 ** 2),
  MEDIA_URL_TTL_SECONDS: positiveInt(3600),
  JOB_LEASE_MS: positiveInt(30_000),
  TRANSCODE_CONCURRENCY: positiveInt(1),
  PLAYLIST_MAX_ITEMS: positiveInt(5000),
  TRUST_PROXY: envBoolean,
  COUNTER_FLUSH_INTERVAL_MS: positiveInt(1000),
  VIEW_DEDUPE_MINUTES: z.coerce.number().positive().default(30),
  VIEW_DEDUPE_MEMORY_ENTRIES: positiveInt(100_000),
  TRENDING_WEIGHT_VIEWS: z.coerce.number().min(0).default(1),
  TRENDING_WEIGHT_LIKES: z.coerce.number().min(0).default(5),
  TRENDING_WEIGHT_COMMENTS: z.coerce.number().min(0).default(3),
  TRENDING_WEIGHT_WATCH_MINUTES: z.coerce.number().min(0).default(0.1),
  TRENDING_REFRESH_SECONDS: positiveInt(60),
  TRENDING_CACHE_SECONDS: z.coerce.number().int().min(0).default(120),
  FEED_CELEBRITY_THRESHOLD: positiveInt(10_000),
  FEED_MAX_ITEMS: positiveInt(1000),
  FEED_BACKFILL_VIDEOS: z.coerce.number().int().min(0).default(20),
  RECOMMENDATIONS_CACHE_SECONDS: z.coerce.number().int().min(0).default(3600),
  RECOMMENDATIONS_MODEL_RERANK: envBoolean,
  NOTIFICATION_DIGEST_SECONDS: positiveInt(24 * 3600),
  NOTIFICATION_COLLAPSE_SECONDS: z.coerce.number().int().min(0).default(3600),
  AI_MODERATION_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.7),
  AI_MODERATION_VIDEO_HOLD_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.9),
  IMAGE_MODERATION_FRAMES: z.coerce.number().int().min(0).max(100).default(8),
  IMAGE_MODERATION_SCENE_FRAMES: z.coerce.number().int().min(0).max(100).default(4),
  IMAGE_MODERATION_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.7),
  IMAGE_MODERATION_HOLD_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.9),
  ANALYTICS_COUNTRY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'an HTTP header name')
    .optional(),
  ANALYTICS_RAW_RETENTION_DAYS: positiveInt(90),
  ANALYTICS_ROLLUP_SECONDS: positiveInt(60),
  ANALYTICS_BATCHES_PER_MINUTE: positiveInt(12),
  CACHE_RESPONSES: envBoolean,
  CACHE_TTL_MS: positiveInt(10_000),
  CACHE_STALE_MS: z.coerce.number().int().min(0).default(30_000),
  CACHE_NEGATIVE_TTL_MS: positiveInt(5_000),
  CACHE_L1_ENTRIES: positiveInt(5_000),
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(0),
  SHUTDOWN_REQUEST_TIMEOUT_MS: positiveInt(15_000),
  SHUTDOWN_TIMEOUT_MS: positiveInt(60_000),
  // Live streaming (docs/LIVE.md). Port 0 picks a free port (tests).
  LIVE_INGEST_IN_PROCESS: envBoolean,
  START_HOLD_YOUNG_GENERATION: envBoolean,
  LIVE_RTMP_PORT: z.coerce.number().int().min(0).max(65535).default(1935),
  LIVE_RTMP_PUBLIC_URL: z.string().optional(),
  LIVE_MAX_CONCURRENT: positiveInt(10),
  LIVE_MAX_CONCURRENT_PER_USER: positiveInt(1),
  LIVE_MAX_DURATION_SECONDS: positiveInt(6 * 3600),
  LIVE_RECONNECT_GRACE_SECONDS: z.coerce.number().int().min(0).default(60),
  LIVE_DVR_WINDOW_SECONDS: positiveInt(2 * 3600),
  LIVE_SEGMENT_SECONDS: positiveInt(2),
  LIVE_TRANSCODE_LADDER: commaList,
  LIVE_CHAT_MAX_LENGTH: positiveInt(500),
  LIVE_CHAT_MESSAGES_PER_10S: positiveInt(5),
  LIVE_CHAT_MAX_FRAME_BYTES: positiveInt(4096),
  // A busy chat room's events go out together once per tick (0: each event at once).
  LIVE_CHAT_TICK_MS: z.coerce.number().int().min(0).max(1000).default(80),
  COURSES_GENERATION_DAILY_TOKENS: positiveInt(200_000),
  COURSES_DOCUMENT_MAX_BYTES: positiveInt(50 * 1024 * 1024),
  COURSES_EXPORT_URL_TTL_SECONDS: positiveInt(3600),
  BOOKING_HOLD_SECONDS: positiveInt(300),
  BOOKING_OFFER_SECONDS: positiveInt(3600),
  BOOKING_SWEEP_SECONDS: positiveInt(10),
  PAYMENT_PROVIDER: z.enum(['fake']).default('fake'),
  PAYMENT_TIMEOUT_MS: positiveInt(10_000),
  NOTES_MAX_DOCUMENT_BYTES: positiveInt(1024 * 1024),
  NOTES_COMPACT_AFTER_UPDATES: positiveInt(200),
  ...aiEnvSchema.shape,
});

export type Env = z.input<typeof envSchema>;

/** The environment after validation and defaults. */
export type ParsedEnv = z.output<typeof envSchema>;
