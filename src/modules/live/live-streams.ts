import type { Kysely, Selectable } from 'kysely';
import type { LiveConfig } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { assertHasChannel, type AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { AppError, conflict, notFound } from '../../platform/http/errors.ts';
import { videoQueries } from '../videos/video-queries.ts';
import type { LiveStreamsTable, LiveStreamStatus } from './tables.ts';

export type LiveStreamRow = Selectable<LiveStreamsTable>;

export interface ScheduleInput {
  title: string;
  description?: string;
  scheduledAt?: Date;
}

export interface PremiereInput {
  videoId: string;
  scheduledAt: Date;
  title?: string;
}

export interface ChatSettingsInput {
  slowModeSeconds?: number;
  subscribersOnly?: boolean;
}

const limitReached = (message: string) => new AppError(409, ErrorCode.LIVE_LIMIT_REACHED, message);

/**
 * Live streams and premieres and their status machine: scheduled -> live -> ended -> processing ->
 * ready (or failed). The ingest moves a live stream along (startFromIngest, end, recordingQueued); a
 * premiere's status follows the clock and its video's duration, so it is worked out when read.
 */
export class LiveStreamService {
  constructor(private readonly deps: { db: Kysely<DB>; config: LiveConfig; storage?: ObjectStorage }) {}

  async schedule(actor: AuthenticatedUser, input: ScheduleInput): Promise<LiveStreamRow> {
    assertHasChannel(actor, 'stream');
    return this.deps.db
      .insertInto('live_streams')
      .values({
        channel_id: actor.id,
        title: input.title,
        description: input.description ?? '',
        scheduled_at: input.scheduledAt ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async schedulePremiere(actor: AuthenticatedUser, input: PremiereInput): Promise<LiveStreamRow> {
    const video = await videoQueries.findById(this.deps.db, input.videoId);
    if (!video || video.creator_id !== actor.id || video.status === 'deleted') throw notFound('Video');
    if (video.status !== 'ready' || !video.duration_seconds) {
      throw new AppError(409, ErrorCode.PREMIERE_VIDEO_NOT_READY, 'Only a ready video can premiere');
    }
    const row = await this.deps.db
      .insertInto('live_streams')
      .values({
        channel_id: actor.id,
        kind: 'premiere',
        title: input.title ?? video.title,
        description: video.description,
        scheduled_at: input.scheduledAt,
        video_id: video.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.settle(row);
  }

  async get(id: string): Promise<LiveStreamRow> {
    const row = await this.deps.db.selectFrom('live_streams').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Live stream');
    return this.settle(row);
  }

  async findById(id: string): Promise<LiveStreamRow | undefined> {
    const row = await this.deps.db.selectFrom('live_streams').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.settle(row);
  }

  /** The recording's (or premiere's) stream, for chat replay under a video. */
  async findByVideo(videoId: string): Promise<LiveStreamRow | undefined> {
    const row = await this.deps.db
      .selectFrom('live_streams')
      .selectAll()
      .where('video_id', '=', videoId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row && this.settle(row);
  }

  async listByChannel(channelId: string, limit = 20): Promise<LiveStreamRow[]> {
    const rows = await this.deps.db
      .selectFrom('live_streams')
      .selectAll()
      .where('channel_id', '=', channelId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return Promise.all(rows.map((row) => this.settle(row)));
  }

  /** Live now and coming up, soonest first. */
  async listActive(limit = 50): Promise<LiveStreamRow[]> {
    const rows = await this.deps.db
      .selectFrom('live_streams')
      .selectAll()
      .where('status', 'in', ['scheduled', 'live'])
      .orderBy('status', 'asc')
      .orderBy('scheduled_at', 'asc')
      .limit(limit)
      .execute();
    return Promise.all(rows.map((row) => this.settle(row)));
  }

  async updateChatSettings(actor: AuthenticatedUser, id: string, input: ChatSettingsInput): Promise<LiveStreamRow> {
    const stream = await this.get(id);
    if (stream.channel_id !== actor.id && actor.role !== 'admin') throw notFound('Live stream');
    return this.deps.db
      .updateTable('live_streams')
      .set({
        ...(input.slowModeSeconds !== undefined ? { slow_mode_seconds: input.slowModeSeconds } : {}),
        ...(input.subscribersOnly !== undefined ? { subscribers_only: input.subscribersOnly } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async setPinned(id: string, messageId: string | null): Promise<void> {
    await this.deps.db
      .updateTable('live_streams')
      .set({ pinned_message_id: messageId, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /**
   * An encoder with a valid key connected: the channel's stream still live (a reconnect) carries on;
   * otherwise its oldest scheduled live stream (or a new one) goes live, within the instance's and the
   * channel's concurrent-stream limits.
   */
  async startFromIngest(channelId: string, node: string): Promise<{ stream: LiveStreamRow; resumed: boolean }> {
    const { db, config } = this.deps;
    const running = await db
      .selectFrom('live_streams')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('kind', '=', 'live')
      .where('status', '=', 'live')
      .orderBy('started_at', 'desc')
      .execute();
    if (running.length >= config.maxConcurrentPerUser) {
      const resumable = running.find((stream) => stream.ingest_node === node);
      if (resumable) return { stream: resumable, resumed: true };
      throw limitReached(`This channel may have ${config.maxConcurrentPerUser} live stream(s) at a time`);
    }
    const { count } = await db
      .selectFrom('live_streams')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('kind', '=', 'live')
      .where('status', '=', 'live')
      .executeTakeFirstOrThrow();
    if (Number(count) >= config.maxConcurrent) {
      throw limitReached(`This server is at its limit of ${config.maxConcurrent} concurrent live streams`);
    }
    const scheduled = await db
      .selectFrom('live_streams')
      .select('id')
      .where('channel_id', '=', channelId)
      .where('kind', '=', 'live')
      .where('status', '=', 'scheduled')
      .orderBy('created_at', 'asc')
      .executeTakeFirst();
    const now = new Date();
    const live = { status: 'live' as const, started_at: now, ingest_node: node, updated_at: now };
    const stream = scheduled
      ? await db.updateTable('live_streams').set(live).where('id', '=', scheduled.id).returningAll().executeTakeFirst()
      : await db
          .insertInto('live_streams')
          .values({
            channel_id: channelId,
            title: `Live ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
            ...live,
          })
          .returningAll()
          .executeTakeFirst();
    if (!stream) throw conflict('The scheduled stream changed while going live; reconnect');
    return { stream, resumed: false };
  }

  /**
   * Moves a stream along its status machine; only from the statuses given, so a late caller changes
   * nothing. When a live stream is over for good (its recording ready, or failed) its live HLS is
   * deleted from storage: the recording, processed into a video, is the lasting copy.
   */
  async transition(
    id: string,
    from: LiveStreamStatus[],
    to: LiveStreamStatus,
    extra: { videoId?: string; failureReason?: string } = {},
  ): Promise<LiveStreamRow | undefined> {
    const now = new Date();
    return this.deps.db
      .updateTable('live_streams')
      .set({
        status: to,
        updated_at: now,
        ...(to === 'ended' ? { ended_at: now, ingest_node: null } : {}),
        ...(extra.videoId ? { video_id: extra.videoId } : {}),
        ...(extra.failureReason ? { failure_reason: extra.failureReason } : {}),
      })
      .where('id', '=', id)
      .where('status', 'in', from)
      .returningAll()
      .executeTakeFirst()
      .then(async (row) => {
        if (row && row.kind === 'live' && (to === 'ready' || to === 'failed')) await this.deleteLiveMedia(row.id);
        return row;
      });
  }

  /** Everything a live stream put in storage (`live/<id>/`). */
  async deleteLiveMedia(id: string): Promise<number> {
    return this.deps.storage ? this.deps.storage.deletePrefix(`live/${id}`) : 0;
  }

  /**
   * Brings a row up to date when read: a premiere's status follows the clock, and a recording in
   * processing becomes ready (or failed) with its video.
   */
  private async settle(row: LiveStreamRow): Promise<LiveStreamRow> {
    if (!row.video_id) return row;
    if (row.kind === 'premiere') return { ...row, status: await this.premiereStatus(row) };
    if (row.status !== 'processing') return row;
    const video = await videoQueries.findById(this.deps.db, row.video_id);
    if (video?.status === 'ready') return (await this.transition(row.id, ['processing'], 'ready')) ?? row;
    if (video?.status === 'failed' || video?.status === 'deleted' || !video) {
      return (
        (await this.transition(row.id, ['processing'], 'failed', {
          failureReason: 'The recording failed to process',
        })) ?? row
      );
    }
    return row;
  }

  private async premiereStatus(row: LiveStreamRow): Promise<LiveStreamStatus> {
    const video = row.video_id ? await videoQueries.findById(this.deps.db, row.video_id) : undefined;
    if (!video || video.status !== 'ready' || !row.scheduled_at) return 'failed';
    const startsAt = row.scheduled_at.getTime();
    const endsAt = startsAt + (video.duration_seconds ?? 0) * 1000;
    const now = Date.now();
    if (now < startsAt) return 'scheduled';
    return now < endsAt ? 'live' : 'ready';
  }
}
