import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import {
  MultipartUploadNotFoundError,
  type ObjectStorage,
  type PresignCapability,
  type UploadedPart,
} from '../../platform/storage/object-storage.ts';
import type { VideoRow } from '../videos/repo.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import { assertPartsMatch, partCount, partSizeFor } from './part-plan.ts';
import { uploadRepo, type UploadRow } from './repo.ts';
import type { UploadUrlBody, UploadUrlResponse } from './schemas.ts';
import type { UploadService } from './service.ts';
import { directUploadUnavailable, uploadGone } from './upload-errors.ts';
import {
  findIdempotentResource,
  idempotentRequest,
  idempotentRequestInProgress,
} from '../../platform/idempotency/idempotency.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

/** Errors S3 answers CompleteMultipartUpload with when the part list itself is wrong. */
const CLIENT_PART_ERRORS = new Set(['InvalidPart', 'InvalidPartOrder', 'EntityTooSmall']);

export interface DirectUploadDeps {
  db: Kysely<DB>;
  storage: ObjectStorage;
  uploads: UploadService;
}

/**
 * The S3 direct flow: the client PUTs parts of a multipart upload straight to the store with
 * presigned URLs; we sign, bookkeep and finalise. Without S3 storage it answers 409 pointing to tus.
 */
export class DirectUploadService {
  private readonly presign?: PresignCapability;

  constructor(private readonly deps: DirectUploadDeps) {
    this.presign = deps.storage.presign;
  }

  /** Starts (or, with the same Idempotency-Key, replays) a multipart upload at the video's source key. */
  async createUploadUrl(
    actor: AuthenticatedUser,
    body: UploadUrlBody,
    idempotencyKey?: string,
  ): Promise<{ plan: UploadUrlResponse; replayed: boolean }> {
    const presign = this.requirePresign();
    const idempotency = idempotentRequest('uploads.create', actor.id, idempotencyKey, body);
    const replay = async () => {
      const earlierId = idempotency && (await findIdempotentResource(this.deps.db, idempotency));
      const earlier = earlierId === undefined ? undefined : await uploadRepo.findById(this.deps.db, earlierId);
      return earlier && this.replay(earlier);
    };
    const earlier = await replay();
    if (earlier) return { plan: earlier, replayed: true };

    let upload: UploadRow;
    try {
      upload = await this.deps.uploads.start(actor, {
        method: 'direct',
        videoId: body.videoId,
        sizeBytes: body.sizeBytes,
        filename: body.filename,
        contentType: body.contentType,
        storeIdFor: () => videoKeys(body.videoId).source,
        idempotency,
      });
    } catch (error) {
      // A concurrent request with the same key got in first (on either unique index): answer as it did.
      const winner = await replay();
      if (winner) return { plan: winner, replayed: true };
      throw error;
    }
    try {
      const multipartUploadId = await presign.createMultipartUpload(upload.store_id, body.contentType);
      upload = await uploadRepo.setMultipartUpload(
        this.deps.db,
        upload.id,
        multipartUploadId,
        partSizeFor(body.sizeBytes),
      );
    } catch (error) {
      await this.deps.uploads.cancelCreation(upload.id);
      throw error;
    }
    return { plan: await this.describe(upload, presign), replayed: false };
  }

  /** Assembles the parts, sniffs the result and hands the video over for processing; idempotent. */
  async complete(
    actor: AuthenticatedUser,
    videoId: string,
    uploadId: string,
    parts: UploadedPart[],
  ): Promise<{ upload: UploadRow; video: VideoRow }> {
    const presign = this.requirePresign();
    const upload = await this.deps.uploads.getOwn(actor, uploadId);
    if (upload.video_id !== videoId || upload.method !== 'direct') throw notFound('Upload');
    const video = await this.deps.uploads.finalise(upload.id, (claimed) => this.assemble(presign, claimed, parts));
    return { upload, video };
  }

  private async assemble(presign: PresignCapability, upload: UploadRow, parts: UploadedPart[]): Promise<void> {
    const multipartUploadId = requireMultipartUploadId(upload);
    let received;
    try {
      received = await presign.listParts(upload.store_id, multipartUploadId);
    } catch (error) {
      if (!(error instanceof MultipartUploadNotFoundError)) throw error;
      // An earlier finaliser assembled it and then stopped before recording so: the object tells.
      const assembled = await this.deps.storage.statObject(upload.store_id);
      if (assembled?.size === upload.size_bytes) return;
      throw uploadGone({ ...upload, state: 'expired' });
    }
    assertPartsMatch(parts, received, upload.size_bytes);
    try {
      await presign.completeMultipartUpload(upload.store_id, multipartUploadId, parts);
    } catch (error) {
      const name = (error as { name?: string }).name ?? '';
      if (CLIENT_PART_ERRORS.has(name))
        throw new AppError(
          400,
          ErrorCode.INVALID_PARTS,
          `The store refused the part list: ${(error as Error).message}`,
        );
      throw error;
    }
  }

  private async replay(earlier: UploadRow): Promise<UploadUrlResponse> {
    if (!earlier.multipart_upload_id) throw idempotentRequestInProgress();
    return this.describe(earlier, this.requirePresign());
  }

  /** Fresh part URLs, valid until the upload itself expires. */
  private async describe(upload: UploadRow, presign: PresignCapability): Promise<UploadUrlResponse> {
    const multipartUploadId = requireMultipartUploadId(upload);
    const partSize = upload.part_size ?? partSizeFor(upload.size_bytes);
    const ttlSeconds = Math.max(1, Math.floor((upload.expires_at.getTime() - Date.now()) / 1000));
    const numbers = Array.from({ length: partCount(upload.size_bytes, partSize) }, (_, index) => index + 1);
    const parts = await Promise.all(
      numbers.map(async (partNumber) => ({
        partNumber,
        url: await presign.partUrl(upload.store_id, multipartUploadId, partNumber, ttlSeconds),
      })),
    );
    return { uploadId: upload.id, partSize, parts, expiresAt: upload.expires_at.toISOString() };
  }

  private requirePresign(): PresignCapability {
    if (!this.presign) throw directUploadUnavailable();
    return this.presign;
  }
}

function requireMultipartUploadId(upload: UploadRow): string {
  if (!upload.multipart_upload_id) throw new Error(`direct upload ${upload.id} has no multipart upload`);
  return upload.multipart_upload_id;
}
