import { readAiConfig, type AiConfig } from './platform/ai/ai-config.ts';
import { envSchema, type ParsedEnv } from './config-env.ts';

export type { Env } from './config-env.ts';

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
  /** `thumbnailMaxBytes`: the largest custom thumbnail a creator may upload. */
  uploads: { maxBytes: number; perDay: number; thumbnailMaxBytes: number };
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

function readS3(env: ParsedEnv): S3Config | undefined {
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
    uploads: {
      maxBytes: env.MAX_UPLOAD_BYTES,
      perDay: env.UPLOADS_PER_DAY,
      thumbnailMaxBytes: env.THUMBNAIL_MAX_BYTES,
    },
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
