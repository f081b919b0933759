import { z } from 'zod';
import { aiEnvSchema, readAiConfig, type AiConfig } from './platform/ai/ai-config.ts';

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

const envSchema = z.object({
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
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(postgresUrl)),
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
  LIVE_CHAT_TICK_MS: z.coerce.number().int().min(0).max(1000).default(100),
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

export interface S3Config {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl?: string;
  dataDir: string;
  database: {
    url?: string;
    poolSize: number;
    poolTimeoutMs: number;
    slowQueryMs: number;
    /** Hot statements prepared once per connection; false behind a transaction-mode pooler (PgBouncer < 1.21). */
    namedStatements: boolean;
    /** Streaming replicas for stale-tolerant reads; lagging or unreachable ones drop out of rotation. */
    replicas: { urls: string[]; maxLagMs: number; checkIntervalMs: number; readYourWritesMs: number };
  };
  redisUrl?: string;
  /** Prepended to every Redis key, so several instances (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  /** Undefined means "generate once and keep it in the data dir". */
  jwtSecret?: string;
  auth: { accessTokenTtlSeconds: number; refreshTokenTtlSeconds: number; passwordResetTtlSeconds: number };
  s3?: S3Config;
  mail: { smtpUrl?: string; from: string };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  corsOrigins: string[];
  bodyLimitBytes: number;
  rateLimits: { loginPerMinute: number; registerPerHour: number; globalPerMinute: number };
  /** Per-user token bucket for new comments and replies: refills at ratePerMinute, holds at most burst. */
  comments: { ratePerMinute: number; burst: number };
  workersInProcess: boolean;
  /** `serve` keeps V8's young generation small until it gets busy (src/platform/lifecycle/start-heap.ts). */
  holdYoungGenerationAtStart: boolean;
  uploads: { maxBytes: number; perDay: number };
  /** Lifetime of signed media URLs (private videos, presigned S3 links). */
  mediaUrlTtlSeconds: number;
  jobs: { leaseMs: number; transcodeConcurrency: number };
  /** Entries one playlist (Watch later included) may hold. */
  playlists: { maxItems: number };
  /** Behind a reverse proxy, take the client IP (rate limits) from X-Forwarded-For. */
  trustProxy: boolean;
  /** How often buffered hot counters (likes, views) are written to the database: the most a crash can lose. */
  counters: { flushIntervalMs: number };
  /** A viewer counts once per video per window; without Redis the window lives in a bounded in-process map. */
  views: { dedupeWindowMs: number; dedupeMemoryEntries: number };
  /** Score = Σ weight·count, each bucket decayed by its age; rankings are recomputed every refreshSeconds. */
  trending: { weights: TrendingWeights; refreshSeconds: number; cacheSeconds: number };
  /** Channels with more subscribers than celebrityThreshold are pulled at read time instead of fanned out. */
  feeds: { celebrityThreshold: number; maxItems: number; backfillVideos: number };
  /** "For you": a viewer's ranked list is kept cacheSeconds (dropped on a new watch or like); with a generator configured the model may re-rank its top (modelRerank). */
  recommendations: { cacheSeconds: number; modelRerank: boolean };
  /** Mail digests go out every digestSeconds; events of one group within collapseSeconds share one unread row. */
  notifications: { digestSeconds: number; collapseSeconds: number };
  /** Automatic moderation: a category score at or above `threshold` holds a comment / flags a video; a video at or above `videoHoldThreshold` also leaves public lists. */
  moderation: { threshold: number; videoHoldThreshold: number };
  /**
   * Image moderation of a video's poster and frames (`frames` evenly spaced plus up to `sceneFrames` shot
   * starts): an unsafe score at or above `threshold` flags the video, at or above `holdThreshold` it also
   * leaves public lists.
   */
  imageModeration: { frames: number; sceneFrames: number; threshold: number; holdThreshold: number };
  /** Providers, routing, prices and spending limits of the AI layer (docs/AI.md). */
  ai: AiConfig;
  /** Player analytics: trusted country header (none = "unknown"), raw event retention, rollup period, per-session batch rate. */
  analytics: { countryHeader?: string; rawRetentionDays: number; rollupSeconds: number; batchesPerMinute: number };
  /** Hot public reads (video pages, profiles, channel pages, trending) from an LRU + Redis cache, for anonymous viewers. */
  cache: { responses: boolean; ttlMs: number; staleMs: number; negativeTtlMs: number; l1Entries: number };
  /** SIGTERM: /ready is 503 for drainDelayMs, in-flight requests get requestTimeoutMs, the whole stop timeoutMs. */
  shutdown: { drainDelayMs: number; requestTimeoutMs: number; timeoutMs: number };
  /** Live streaming and its chat (docs/LIVE.md). */
  live: LiveConfig;
  /** Courses: each user's daily generator tokens for course generation, the document upload limit, export link lifetime. */
  courses: { generationDailyTokens: number; documentMaxBytes: number; exportUrlTtlSeconds: number };
  /** Live class booking (docs/BOOKING.md): seat hold, waitlist offer, sweep period; the payment provider and its timeout. */
  booking: {
    holdSeconds: number;
    offerSeconds: number;
    sweepSeconds: number;
    paymentProvider: 'fake';
    paymentTimeoutMs: number;
  };
  /** Shared notes (docs/NOTES.md): the largest document accepted, and how many stored updates trigger compaction. */
  notes: { maxDocumentBytes: number; compactAfterUpdates: number };
}

export interface LiveConfig {
  /** Run the RTMP ingest inside `serve` (embedded); scale mode runs `streamhub live` instead. */
  ingestInProcess: boolean;
  rtmpPort: number;
  /** What creators paste into OBS; defaults to rtmp://<host of PUBLIC_URL or localhost>:<port>/live. */
  rtmpPublicUrl?: string;
  maxConcurrent: number;
  maxConcurrentPerUser: number;
  maxDurationSeconds: number;
  reconnectGraceSeconds: number;
  dvrWindowSeconds: number;
  segmentSeconds: number;
  /** Heights of the rungs made beside the passthrough source (default one lower rung, 360p). */
  ladderHeights: number[];
  chat: { maxLength: number; messagesPer10s: number; maxFrameBytes: number; tickMs: number };
}

export interface TrendingWeights {
  views: number;
  likes: number;
  comments: number;
  watchMinutes: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readS3(env: z.output<typeof envSchema>): S3Config | undefined {
  if (!env.S3_BUCKET) return undefined;
  if (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError(['S3_BUCKET is set, so S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required too']);
  }
  return {
    endpoint: env.S3_ENDPOINT,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    // Self-hosted stores (MinIO, s3rver, Garage) usually need path-style addressing.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
  };
}

/** Reads and validates the environment once; every other module takes a Config, never process.env. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    dataDir: env.DATA_DIR,
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      poolTimeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
      slowQueryMs: env.DATABASE_SLOW_QUERY_MS,
      namedStatements: env.DATABASE_NAMED_STATEMENTS ?? true,
      replicas: {
        urls: env.DATABASE_REPLICA_URLS,
        maxLagMs: env.DATABASE_REPLICA_MAX_LAG_MS,
        checkIntervalMs: env.DATABASE_REPLICA_CHECK_MS,
        readYourWritesMs: env.DATABASE_READ_YOUR_WRITES_MS,
      },
    },
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    jwtSecret: env.JWT_SECRET,
    auth: {
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      passwordResetTtlSeconds: env.PASSWORD_RESET_TTL_SECONDS,
    },
    s3: readS3(env),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    rateLimits: {
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
      registerPerHour: env.RATE_LIMIT_REGISTER_PER_HOUR,
      globalPerMinute: env.RATE_LIMIT_GLOBAL_PER_MINUTE,
    },
    comments: { ratePerMinute: env.COMMENT_RATE_PER_MINUTE, burst: env.COMMENT_BURST },
    // Embedded mode runs workers inside `serve`; with Redis they are separate `streamhub worker` processes.
    workersInProcess: env.WORKERS_IN_PROCESS ?? !env.REDIS_URL,
    // The embedded default is the one meant for small machines; see docs/OPERATIONS.md.
    holdYoungGenerationAtStart: env.START_HOLD_YOUNG_GENERATION ?? !env.DATABASE_URL,
    trustProxy: env.TRUST_PROXY ?? false,
    uploads: { maxBytes: env.MAX_UPLOAD_BYTES, perDay: env.UPLOADS_PER_DAY },
    mediaUrlTtlSeconds: env.MEDIA_URL_TTL_SECONDS,
    jobs: { leaseMs: env.JOB_LEASE_MS, transcodeConcurrency: env.TRANSCODE_CONCURRENCY },
    playlists: { maxItems: env.PLAYLIST_MAX_ITEMS },
    counters: { flushIntervalMs: env.COUNTER_FLUSH_INTERVAL_MS },
    views: {
      dedupeWindowMs: Math.round(env.VIEW_DEDUPE_MINUTES * 60_000),
      dedupeMemoryEntries: env.VIEW_DEDUPE_MEMORY_ENTRIES,
    },
    trending: {
      weights: {
        views: env.TRENDING_WEIGHT_VIEWS,
        likes: env.TRENDING_WEIGHT_LIKES,
        comments: env.TRENDING_WEIGHT_COMMENTS,
        watchMinutes: env.TRENDING_WEIGHT_WATCH_MINUTES,
      },
      refreshSeconds: env.TRENDING_REFRESH_SECONDS,
      cacheSeconds: env.TRENDING_CACHE_SECONDS,
    },
    feeds: {
      celebrityThreshold: env.FEED_CELEBRITY_THRESHOLD,
      maxItems: env.FEED_MAX_ITEMS,
      backfillVideos: env.FEED_BACKFILL_VIDEOS,
    },
    recommendations: {
      cacheSeconds: env.RECOMMENDATIONS_CACHE_SECONDS,
      modelRerank: env.RECOMMENDATIONS_MODEL_RERANK ?? true,
    },
    notifications: {
      digestSeconds: env.NOTIFICATION_DIGEST_SECONDS,
      collapseSeconds: env.NOTIFICATION_COLLAPSE_SECONDS,
    },
    moderation: { threshold: env.AI_MODERATION_THRESHOLD, videoHoldThreshold: env.AI_MODERATION_VIDEO_HOLD_THRESHOLD },
    imageModeration: {
      frames: env.IMAGE_MODERATION_FRAMES,
      sceneFrames: env.IMAGE_MODERATION_SCENE_FRAMES,
      threshold: env.IMAGE_MODERATION_THRESHOLD,
      holdThreshold: env.IMAGE_MODERATION_HOLD_THRESHOLD,
    },
    ai: readAiConfig(env),
    analytics: {
      countryHeader: env.ANALYTICS_COUNTRY_HEADER?.toLowerCase(),
      rawRetentionDays: env.ANALYTICS_RAW_RETENTION_DAYS,
      rollupSeconds: env.ANALYTICS_ROLLUP_SECONDS,
      batchesPerMinute: env.ANALYTICS_BATCHES_PER_MINUTE,
    },
    cache: {
      responses: env.CACHE_RESPONSES ?? false,
      ttlMs: env.CACHE_TTL_MS,
      staleMs: env.CACHE_STALE_MS,
      negativeTtlMs: env.CACHE_NEGATIVE_TTL_MS,
      l1Entries: env.CACHE_L1_ENTRIES,
    },
    shutdown: {
      drainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS,
      requestTimeoutMs: env.SHUTDOWN_REQUEST_TIMEOUT_MS,
      timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    },
    live: {
      ingestInProcess: env.LIVE_INGEST_IN_PROCESS ?? !env.REDIS_URL,
      rtmpPort: env.LIVE_RTMP_PORT,
      rtmpPublicUrl: env.LIVE_RTMP_PUBLIC_URL,
      maxConcurrent: env.LIVE_MAX_CONCURRENT,
      maxConcurrentPerUser: env.LIVE_MAX_CONCURRENT_PER_USER,
      maxDurationSeconds: env.LIVE_MAX_DURATION_SECONDS,
      reconnectGraceSeconds: env.LIVE_RECONNECT_GRACE_SECONDS,
      dvrWindowSeconds: env.LIVE_DVR_WINDOW_SECONDS,
      segmentSeconds: env.LIVE_SEGMENT_SECONDS,
      // "none": the source rendition only (no transcoding at all).
      ladderHeights: (env.LIVE_TRANSCODE_LADDER.length ? env.LIVE_TRANSCODE_LADDER : ['360'])
        .filter((height) => height !== 'none')
        .map(Number)
        .filter((height) => Number.isInteger(height) && height > 0),
      chat: {
        maxLength: env.LIVE_CHAT_MAX_LENGTH,
        messagesPer10s: env.LIVE_CHAT_MESSAGES_PER_10S,
        maxFrameBytes: env.LIVE_CHAT_MAX_FRAME_BYTES,
        tickMs: env.LIVE_CHAT_TICK_MS,
      },
    },
    courses: {
      generationDailyTokens: env.COURSES_GENERATION_DAILY_TOKENS,
      documentMaxBytes: env.COURSES_DOCUMENT_MAX_BYTES,
      exportUrlTtlSeconds: env.COURSES_EXPORT_URL_TTL_SECONDS,
    },
    booking: {
      holdSeconds: env.BOOKING_HOLD_SECONDS,
      offerSeconds: env.BOOKING_OFFER_SECONDS,
      sweepSeconds: env.BOOKING_SWEEP_SECONDS,
      paymentProvider: env.PAYMENT_PROVIDER,
      paymentTimeoutMs: env.PAYMENT_TIMEOUT_MS,
    },
    notes: { maxDocumentBytes: env.NOTES_MAX_DOCUMENT_BYTES, compactAfterUpdates: env.NOTES_COMPACT_AFTER_UPDATES },
  };
}
