import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { NotMediaError } from '../../platform/media/index.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { VideoService } from '../videos/service.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import { assertWithinDailyQuota } from './quota.ts';
import { ActiveUploadExistsError, uploadRepo, type UploadRow } from './repo.ts';
import type { SourceStaging } from './source-staging.ts';
import type { UploadMethod } from './tables.ts';
import {
  finaliseInProgress,
  notMedia,
  tooLarge,
  uploadAlreadyCompleted,
  uploadGone,
  uploadInProgress,
} from './upload-errors.ts';
import { FINALISE_LEASE_MS, UPLOAD_TTL_MS } from './upload-policy.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { claimIdempotencyKey, type IdempotentRequest } from '../../platform/idempotency/idempotency.ts';

/** What uploads need from the videos module. */
export type VideoUploadTarget = Pick<VideoService, 'assertUploadable' | 'markSourceUploaded'>;

export interface StartUploadRequest {
  videoId: string;
  method: UploadMethod;
  sizeBytes: number;
  filename?: string;
  contentType?: string;
  /** Names where the bytes will be staged, given the new upload's id. */
  storeIdFor: (uploadId: string) => string;
  /** With an Idempotency-Key: claimed in the transaction that records the upload. */
  idempotency?: IdempotentRequest;
}

export interface UploadServiceDeps {
  config: Config;
  db: Kysely<DB>;
  logger: Logger;
  videos: VideoUploadTarget;
  /** How each method's bytes are staged; `direct` only exists with S3 storage. */
  staging: Partial<Record<UploadMethod, SourceStaging>>;
}

/**
 * The life of an upload, shared by tus and the S3 direct flow:
 * pending -> completing -> completed | rejected, or pending -> aborted | expired.
 * Every move out of 'pending' goes through one lock (`uploadRepo.claim`), so a finaliser, a
 * cancelling client and the expiry sweeper never act on the same bytes at once.
 */
export class UploadService {
  constructor(private readonly deps: UploadServiceDeps) {}

  /** Checks the video, the size and the daily count, then records the upload as pending. */
  async start(actor: AuthenticatedUser, request: StartUploadRequest): Promise<UploadRow> {
    const { config, db } = this.deps;
    await this.deps.videos.assertUploadable(actor, request.videoId);
    if (request.sizeBytes > config.uploads.maxBytes) throw tooLarge(request.sizeBytes, config.uploads.maxBytes);
    const id = randomUUID();
    const now = new Date();
    try {
      return await inTransaction(db, async (trx) => {
        if (request.idempotency) await claimIdempotencyKey(trx, request.idempotency, id);
        await assertWithinDailyQuota(trx, actor.id, config.uploads.perDay, now);
        return uploadRepo.insert(trx, {
          id,
          video_id: request.videoId,
          user_id: actor.id,
          method: request.method,
          size_bytes: request.sizeBytes,
          filename: request.filename ?? null,
          content_type: request.contentType ?? null,
          store_id: request.storeIdFor(id),
          expires_at: new Date(now.getTime() + UPLOAD_TTL_MS),
        });
      });
    } catch (error) {
      if (!(error instanceof ActiveUploadExistsError)) throw error;
      const active = await uploadRepo.findActiveForVideo(db, request.videoId);
      if (!active) throw error;
      throw uploadInProgress(active);
    }
  }

  /** The upload, if it is the actor's. */
  async getOwn(actor: AuthenticatedUser, uploadId: string): Promise<UploadRow> {
    const upload = await uploadRepo.findById(this.deps.db, uploadId);
    if (!upload) throw notFound('Upload');
    if (upload.user_id !== actor.id) throw forbidden('This upload belongs to another user');
    return upload;
  }

  /**
   * Turns a fully received upload into the video's source: sniff, promote, hand over to the videos
   * module. Idempotent: a second caller gets the first one's result (the video, or the same 422),
   * or 409 FINALIZE_IN_PROGRESS while the first is still at work. `assemble` runs first under the
   * lock (the direct flow completes its multipart upload there); its errors leave the upload pending.
   */
  async finalise(uploadId: string, assemble?: (upload: UploadRow) => Promise<void>): Promise<VideoRow> {
    const { db } = this.deps;
    const upload = await uploadRepo.claim(db, uploadId, new Date(), FINALISE_LEASE_MS);
    if (!upload) return this.outcomeOf(uploadId);
    const staging = this.stagingFor(upload);
    try {
      await assemble?.(upload);
      await staging.sniff(upload);
    } catch (error) {
      if (!(error instanceof NotMediaError)) return this.releaseAndThrow(upload, error);
      await staging.discard(upload);
      await uploadRepo.settle(db, upload.id, 'rejected', error.message);
      throw notMedia(error.message);
    }
    let video: VideoRow;
    try {
      await staging.promote(upload);
      video = await this.deps.videos.markSourceUploaded(upload.video_id, sourceOf(upload));
    } catch (error) {
      return this.releaseAndThrow(upload, error);
    }
    await uploadRepo.settle(db, upload.id, 'completed');
    await staging.cleanUp(upload).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, uploadId: upload.id }, 'could not remove staged upload leftovers');
    });
    return video;
  }

  /** Cancels an upload and removes its bytes. Cancelling one that already ended without a source is a no-op. */
  async abort(uploadId: string): Promise<void> {
    const upload = await uploadRepo.claim(this.deps.db, uploadId, new Date(), FINALISE_LEASE_MS);
    if (!upload) {
      const current = await uploadRepo.findById(this.deps.db, uploadId);
      if (current?.state === 'completed') throw uploadAlreadyCompleted();
      if (current?.state === 'completing' || current?.state === 'pending') throw finaliseInProgress();
      return;
    }
    await this.discard(upload, 'aborted');
  }

  /** Cancels whichever upload of the video is in progress (tus or direct). */
  async abortActiveForVideo(actor: AuthenticatedUser, videoId: string): Promise<void> {
    const active = await uploadRepo.findActiveForVideo(this.deps.db, videoId);
    if (!active) throw new AppError(404, ErrorCode.NOT_FOUND, 'This video has no upload in progress');
    if (active.user_id !== actor.id) throw forbidden('This upload belongs to another user');
    await this.abort(active.id);
  }

  /** Undoes a creation the tus store did not complete: no bytes, no row, and no use of the daily quota. */
  async cancelCreation(uploadId: string): Promise<void> {
    const upload = await uploadRepo.claim(this.deps.db, uploadId, new Date(), FINALISE_LEASE_MS);
    if (upload) await this.discard(upload, 'forgotten');
  }

  /** Removes the bytes of uploads left unfinished past their expiry; returns how many it expired. */
  async expireAbandoned(now = new Date(), batchSize = 100): Promise<number> {
    const { db, logger } = this.deps;
    let expired = 0;
    for (const candidate of await uploadRepo.findExpiredPending(db, now, batchSize)) {
      const upload = await uploadRepo.claim(db, candidate.id, now, FINALISE_LEASE_MS);
      if (!upload) continue;
      try {
        await this.discard(upload, 'expired');
        expired += 1;
      } catch (error) {
        logger.error({ err: error, uploadId: upload.id }, 'could not remove an expired upload; will retry');
      }
    }
    return expired;
  }

  /** Removes a claimed upload's bytes, then ends it as `outcome` ('forgotten' deletes the row). */
  private async discard(upload: UploadRow, outcome: 'aborted' | 'expired' | 'forgotten'): Promise<void> {
    try {
      await this.stagingFor(upload).discard(upload);
    } catch (error) {
      return this.releaseAndThrow(upload, error);
    }
    if (outcome === 'forgotten') await uploadRepo.delete(this.deps.db, upload.id);
    else await uploadRepo.settle(this.deps.db, upload.id, outcome);
  }

  /** Someone else holds or held the lock: answer with what they achieved. */
  private async outcomeOf(uploadId: string): Promise<VideoRow> {
    const upload = await uploadRepo.findById(this.deps.db, uploadId);
    if (!upload) throw notFound('Upload');
    switch (upload.state) {
      case 'completed':
        // Idempotent on the videos side: returns the video as it is now.
        return this.deps.videos.markSourceUploaded(upload.video_id, sourceOf(upload));
      case 'rejected':
        throw notMedia(upload.failure_reason ?? 'This file is not a video or audio file.');
      case 'pending':
      case 'completing':
        throw finaliseInProgress();
      default:
        throw uploadGone(upload);
    }
  }

  /** Gives the lock back so the upload can be finalised (or cancelled) again, then rethrows. */
  private async releaseAndThrow(upload: UploadRow, error: unknown): Promise<never> {
    await uploadRepo.settle(this.deps.db, upload.id, 'pending').catch((releaseError: unknown) => {
      this.deps.logger.error(
        { err: releaseError, uploadId: upload.id },
        'could not release an upload; its lease will expire',
      );
    });
    throw error;
  }

  private stagingFor(upload: UploadRow): SourceStaging {
    const staging = this.deps.staging[upload.method];
    if (!staging)
      throw new Error(`upload ${upload.id} was made with ${upload.method}, which this server is not configured for`);
    return staging;
  }
}

function sourceOf(upload: UploadRow) {
  return {
    sourceKey: videoKeys(upload.video_id).source,
    sizeBytes: upload.size_bytes,
    ...(upload.filename ? { originalFilename: upload.filename } : {}),
  };
}
