import { createHmac } from 'node:crypto';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, tooManyRequests, validationError, type ErrorDetail } from '../../platform/http/errors.ts';
import type { RateLimiter } from '../../platform/rate-limit/rate-limiter.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { AnalyticsEventBuffer, BufferedEvent } from './event-buffer.ts';
import type { RealtimeStore } from './realtime-store.ts';
import { MAX_EVENT_AGE_MS, type EventBatch } from './schemas.ts';
import { classifyUserAgent } from './user-agent.ts';

/** Positions may run a little past the probed duration (rounding, the last frame). */
const POSITION_SLACK_SECONDS = 2;
/** After skew correction an event may not claim to come from the future by more than this. */
const FUTURE_SLACK_MS = 5000;

export interface IngestDeps {
  buffer: AnalyticsEventBuffer;
  realtime: RealtimeStore;
  /** One bucket per session (hashed): a broken or hostile player cannot flood the buffer. */
  rateLimiter: RateLimiter;
  /** The video the batch is about, as the viewer may see it (404 otherwise). */
  findWatchableVideo: (actor: AuthenticatedUser | undefined, videoId: string) => Promise<VideoRow>;
  /** Keys the daily session hash; a server secret, so a stored hash cannot be linked back to the client's id. */
  secret: string;
}

export interface IngestContext {
  actor: AuthenticatedUser | undefined;
  userAgent: string | undefined;
  /** From the trusted proxy header when configured; the IP is never looked at. */
  country: string | undefined;
  receivedAt: number;
}

/** Stored instead of the client's session id: changes every UTC day, so sessions cannot be followed across days. */
export function dailySessionHash(secret: string, sessionId: string, at: number): string {
  const day = new Date(at).toISOString().slice(0, 10);
  return createHmac('sha256', secret).update(`analytics-session:${day}:${sessionId}`).digest('base64url').slice(0, 22);
}

function normaliseCountry(value: string | undefined): string {
  return value && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : 'unknown';
}

/**
 * Accepts a player's batch: checks it against the video and the clocks, enriches each event (daily
 * session hash, device, browser, country, referrer class, skew-corrected time) and hands it to the
 * buffer the workers insert from. Nothing here writes to the database.
 */
export class AnalyticsIngestService {
  constructor(private readonly deps: IngestDeps) {}

  async ingest(batch: EventBatch, context: IngestContext): Promise<{ accepted: number }> {
    const sessionHash = dailySessionHash(this.deps.secret, batch.sessionId, context.receivedAt);
    const limit = await this.deps.rateLimiter.take(sessionHash);
    if (!limit.allowed)
      throw tooManyRequests(limit.retryAfterSeconds, 'This session reports too often; batch events every 10–15 s');

    const video = await this.deps.findWatchableVideo(context.actor, batch.videoId);
    if (video.status !== 'ready') throw new AppError(409, 'NOT_READY', 'The video is not playable yet');
    // Clock skew: the client's clock may be anywhere; its own sentAt tells us by how much.
    const skewMs = context.receivedAt - batch.sentAt;
    const problems: ErrorDetail[] = [];
    const duration = video.duration_seconds ?? Number.POSITIVE_INFINITY;
    const occurredAt = batch.events.map((event, index) => {
      const at = event.at + skewMs;
      if (event.at > batch.sentAt + FUTURE_SLACK_MS || at > context.receivedAt + FUTURE_SLACK_MS) {
        problems.push({ field: `events.${index}.at`, message: 'is after the batch was sent' });
      } else if (context.receivedAt - at > MAX_EVENT_AGE_MS) {
        problems.push({ field: `events.${index}.at`, message: 'is older than 24 hours' });
      }
      for (const field of ['position', 'from'] as const) {
        const value = event[field];
        if (value !== undefined && value > duration + POSITION_SLACK_SECONDS) {
          problems.push({
            field: `events.${index}.${field}`,
            message: `is past the end of the video (${Math.round(duration)} s)`,
          });
        }
      }
      return at;
    });
    if (problems.length) throw validationError('Some events are impossible', problems);

    const client = classifyUserAgent(context.userAgent);
    if (client.bot) return { accepted: 0 };
    const country = normaliseCountry(context.country);
    const events: BufferedEvent[] = batch.events.map((event, index) => ({
      occurredAt: occurredAt[index]!,
      receivedAt: context.receivedAt,
      videoId: video.id,
      channelId: video.creator_id,
      sessionId: sessionHash,
      viewerId: context.actor?.id ?? null,
      type: event.type,
      position: event.position ?? null,
      secondsPlayed: event.secondsPlayed ?? null,
      fromSeconds: event.from ?? null,
      durationMs: event.durationMs ?? null,
      rendition: event.rendition ?? null,
      referrer: batch.referrer,
      device: client.device,
      browser: client.browser,
      country,
    }));
    await this.deps.buffer.push(events);
    await this.deps.realtime.record(
      {
        channelId: video.creator_id,
        videoId: video.id,
        sessionId: sessionHash,
        views: events.filter((event) => event.type === 'play').length,
        watchSeconds: events.reduce((sum, event) => sum + (event.secondsPlayed ?? 0), 0),
        left: events.at(-1)?.type === 'ended',
        watching: events.some((event) => event.type === 'play' || event.type === 'heartbeat'),
      },
      context.receivedAt,
    );
    return { accepted: events.length };
  }
}
