import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { createRequestRepo } from './create-requests-repo.ts';
import { publishVideoEvent, VIDEO_DELETED, VIDEO_UPDATED } from './events.ts';
import { enqueueVideoObjectsDeletion, enqueueVideoProcessing } from './job-queues.ts';
import { videoRepo, type ListCursor, type SourceUpload, type VideoRow } from './repo.ts';
import type { CreateVideoInput, UpdateVideoInput } from './schemas.ts';

const UNIQUE_VIOLATION = '23505';

const isAdmin = (actor: AuthenticatedUser | undefined) => actor?.role === 'admin';
const isOwner = (actor: AuthenticatedUser | undefined, video: VideoRow) => actor !== undefined && actor.id === video.creator_id;

/** Anyone may watch a ready public or unlisted video; everything else is for its owner and admins. */
export function canView(actor: AuthenticatedUser | undefined, video: VideoRow): boolean {
  if (video.status === 'deleted') return false;
  if (isOwner(actor, video) || isAdmin(actor)) return true;
  return video.status === 'ready' && video.visibility !== 'private';
}

export interface VideoPage { videos: VideoRow[]; nextCursor: string | null }

function encodeCursor(video: VideoRow): string {
  return Buffer.from(JSON.stringify([video.created_at.toISOString(), video.id])).toString('base64url');
}

function decodeCursor(cursor: string): ListCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw badRequest('The cursor is invalid; pass back meta.nextCursor as received', [{ field: 'cursor', message: 'is invalid' }]);
  }
}

/**
 * The video resource and its status machine: uploading -> processing -> ready | failed, and
 * 'deleted' from anywhere. Other modules (uploads) call assertUploadable and markSourceUploaded.
 */
export class VideoService {
  private readonly db: Kysely<DB>;
  private readonly jobs: JobQueue;

  constructor(deps: { db: Kysely<DB>; jobs: JobQueue }) {
    this.db = deps.db;
    this.jobs = deps.jobs;
  }

  /**
   * With an Idempotency-Key the same user sending the same key gets the video created the first
   * time (`replayed: true`) instead of a second one, even when the two requests race.
   */
  async create(actor: AuthenticatedUser, input: CreateVideoInput, idempotencyKey?: string): Promise<{ video: VideoRow; replayed: boolean }> {
    if (actor.role === 'viewer') {
      throw forbidden('Viewers cannot upload videos; switch to a creator account (PUT /api/v1/users/{id} with role "creator") first');
    }
    const values = { creator_id: actor.id, ...input };
    if (!idempotencyKey) return { video: await videoRepo.insert(this.db, values), replayed: false };

    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    const replay = () => this.replayCreate(actor.id, idempotencyKey, requestHash);
    const earlier = await replay();
    if (earlier) return { video: earlier, replayed: true };
    try {
      const video = await this.db.transaction().execute(async (trx) => {
        const created = await videoRepo.insert(trx, values);
        await createRequestRepo.insert(trx, actor.id, idempotencyKey, { videoId: created.id, requestHash });
        return created;
      });
      return { video, replayed: false };
    } catch (error) {
      // A concurrent request with the same key won; our video was rolled back with the key row.
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      const winner = await replay();
      if (!winner) throw error;
      return { video: winner, replayed: true };
    }
  }

  private async replayCreate(userId: string, key: string, requestHash: string): Promise<VideoRow | undefined> {
    const earlier = await createRequestRepo.find(this.db, userId, key);
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) {
      throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body');
    }
    return videoRepo.findById(this.db, earlier.videoId);
  }

  /** 404 (not 403) when the actor may not see it, so private videos do not reveal that they exist. */
  async getVisible(actor: AuthenticatedUser | undefined, id: string): Promise<VideoRow> {
    const video = await videoRepo.findById(this.db, id);
    if (!video || !canView(actor, video)) throw notFound('Video');
    return video;
  }

  /** The video for an owner-or-admin action: 404 when missing or deleted, 403 for anyone else. */
  async getOwned(actor: AuthenticatedUser, id: string): Promise<VideoRow> {
    const video = await videoRepo.findById(this.db, id);
    if (!video || video.status === 'deleted') throw notFound('Video');
    if (!isOwner(actor, video) && !isAdmin(actor)) throw forbidden('Only the video\'s creator (or an admin) can do this');
    return video;
  }

  async update(actor: AuthenticatedUser, id: string, changes: UpdateVideoInput): Promise<VideoRow> {
    await this.getOwned(actor, id);
    return this.db.transaction().execute(async (trx) => {
      const previous = await videoRepo.findByIdForUpdate(trx, id);
      const updated = previous && await videoRepo.updateMetadata(trx, id, changes);
      if (!updated) throw notFound('Video');
      await publishVideoEvent(trx, VIDEO_UPDATED, updated, previous);
      return updated;
    });
  }

  /**
   * Soft delete; a low-priority housekeeping job then removes every stored object. Deleting a
   * video that is already deleted succeeds again (and re-enqueues the cleanup, which is idempotent).
   */
  async delete(actor: AuthenticatedUser, id: string): Promise<void> {
    const video = await videoRepo.findById(this.db, id);
    if (!video) throw notFound('Video');
    if (!isOwner(actor, video) && !isAdmin(actor)) throw forbidden('Only the video\'s creator (or an admin) can delete it');
    await this.db.transaction().execute(async (trx) => {
      const deleted = await videoRepo.markDeleted(trx, id);
      if (deleted) await publishVideoEvent(trx, VIDEO_DELETED, deleted);
    });
    await enqueueVideoObjectsDeletion(this.jobs, id);
  }

  async listByCreator(creatorId: string, limit: number, cursor?: string): Promise<VideoPage> {
    const rows = await videoRepo.listByCreator(this.db, creatorId, limit, cursor ? decodeCursor(cursor) : undefined);
    const videos = rows.slice(0, limit);
    const last = videos.at(-1);
    return { videos, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /** For the uploads module before accepting bytes: the video exists, is the actor's, and awaits its source. */
  async assertUploadable(actor: AuthenticatedUser, videoId: string): Promise<VideoRow> {
    const video = await this.getOwned(actor, videoId);
    if (video.status !== 'uploading') {
      throw new AppError(409, 'ALREADY_UPLOADED', `This video already has its source (status: ${video.status})`);
    }
    return video;
  }

  /**
   * Records the uploaded source and starts processing. Idempotent: the status change is one
   * conditional UPDATE (only from 'uploading'), and a repeated call for a video that is already
   * processing enqueues again, which the job's dedupe key turns into a no-op while the job is live.
   * That also heals a crash between the UPDATE and the enqueue. A ready or failed video is returned as is.
   */
  async markSourceUploaded(videoId: string, source: SourceUpload): Promise<VideoRow> {
    const video = await videoRepo.markUploaded(this.db, videoId, source) ?? await videoRepo.findById(this.db, videoId);
    if (!video || video.status === 'deleted') throw notFound('Video');
    if (video.status === 'uploading') throw conflict('The video changed while its upload was being recorded; try again');
    if (video.status === 'processing') await enqueueVideoProcessing(this.jobs, videoId);
    return video;
  }
}
