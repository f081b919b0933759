import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { assertHasChannel, type AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { createIdempotently, idempotentRequest } from '../../platform/idempotency/idempotency.ts';
import { publishVideoEvent, VIDEO_DELETED, VIDEO_UPDATED } from './events.ts';
import { enqueueVideoObjectsDeletion, enqueueVideoProcessing } from './job-queues.ts';
import { videoRepo, type SourceUpload, type VideoRow } from './repo.ts';
import { cursorCodec, timePosition, toPage } from '../../platform/pagination/cursor.ts';
import type { CreateVideoInput, UpdateVideoInput } from './schemas.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

const isAdmin = (actor: AuthenticatedUser | undefined) => actor?.role === 'admin';
const isOwner = (actor: AuthenticatedUser | undefined, video: Pick<VideoRow, 'creator_id'>) =>
  actor !== undefined && actor.id === video.creator_id;

/** Anyone may watch a ready public or unlisted video; everything else is for its owner and admins. */
export function canView(
  actor: AuthenticatedUser | undefined,
  video: Pick<VideoRow, 'status' | 'visibility' | 'creator_id'>,
): boolean {
  if (video.status === 'deleted') return false;
  if (isOwner(actor, video) || isAdmin(actor)) return true;
  return video.status === 'ready' && video.visibility !== 'private';
}

export interface VideoPage {
  videos: VideoRow[];
  nextCursor: string | null;
}

const myVideosCursor = cursorCodec('my-videos', timePosition);

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
  async create(
    actor: AuthenticatedUser,
    input: CreateVideoInput,
    idempotencyKey?: string,
  ): Promise<{ video: VideoRow; replayed: boolean }> {
    assertHasChannel(actor, 'upload videos');
    const { value: video, replayed } = await createIdempotently(
      this.db,
      idempotentRequest('videos.create', actor.id, idempotencyKey, input),
      {
        create: (trx, id) => videoRepo.insert(trx, { id, creator_id: actor.id, ...input }),
        load: (id) => videoRepo.findById(this.db, id),
      },
    );
    return { video, replayed };
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
    if (!isOwner(actor, video) && !isAdmin(actor))
      throw forbidden("Only the video's creator (or an admin) can do this");
    return video;
  }

  async update(actor: AuthenticatedUser, id: string, changes: UpdateVideoInput): Promise<VideoRow> {
    await this.getOwned(actor, id);
    return this.db.transaction().execute(async (trx) => {
      const previous = await videoRepo.findByIdForUpdate(trx, id);
      const updated = previous && (await videoRepo.updateMetadata(trx, id, changes));
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
    if (!isOwner(actor, video) && !isAdmin(actor))
      throw forbidden("Only the video's creator (or an admin) can delete it");
    await this.db.transaction().execute(async (trx) => {
      const deleted = await videoRepo.markDeleted(trx, id);
      if (deleted) await publishVideoEvent(trx, VIDEO_DELETED, deleted);
    });
    await enqueueVideoObjectsDeletion(this.jobs, id);
  }

  async listByCreator(creatorId: string, limit: number, cursor?: string): Promise<VideoPage> {
    const rows = await videoRepo.listByCreator(this.db, creatorId, limit, myVideosCursor.decodeOptional(cursor));
    const page = toPage(rows, limit, myVideosCursor, (video) => ({ at: video.created_at, id: video.id }));
    return { videos: page.items, nextCursor: page.nextCursor };
  }

  /** For the uploads module before accepting bytes: the video exists, is the actor's, and awaits its source. */
  async assertUploadable(actor: AuthenticatedUser, videoId: string): Promise<VideoRow> {
    const video = await this.getOwned(actor, videoId);
    if (video.status !== 'uploading') {
      throw new AppError(
        409,
        ErrorCode.ALREADY_UPLOADED,
        `This video already has its source (status: ${video.status})`,
      );
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
    const video =
      (await videoRepo.markUploaded(this.db, videoId, source)) ?? (await videoRepo.findById(this.db, videoId));
    if (!video || video.status === 'deleted') throw notFound('Video');
    if (video.status === 'uploading')
      throw conflict('The video changed while its upload was being recorded; try again');
    if (video.status === 'processing') await enqueueVideoProcessing(this.jobs, videoId);
    return video;
  }
}
