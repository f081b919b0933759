import { AppError, payloadTooLarge } from '../../platform/http/errors.ts';
import type { UploadRow } from './repo.ts';
import { TUS_ENDPOINT } from './upload-policy.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';

const MiB = 1024 * 1024;

export const tooLarge = (sizeBytes: number, maxBytes: number) =>
  payloadTooLarge(`The file is ${formatBytes(sizeBytes)}; uploads are limited to ${formatBytes(maxBytes)}`);

export const dailyLimitReached = (perDay: number, retryAfterSeconds: number) =>
  new AppError(
    429,
    ErrorCode.DAILY_UPLOAD_LIMIT,
    `You can start ${perDay} uploads per 24 hours; try again later`,
    undefined,
    {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    },
  );

export const uploadInProgress = (existing: UploadRow) =>
  new AppError(
    409,
    ErrorCode.UPLOAD_IN_PROGRESS,
    existing.method === 'tus'
      ? `This video already has an upload in progress; resume it at ${TUS_ENDPOINT}/${existing.id} (HEAD, then PATCH from the offset), or DELETE that URL to start over`
      : `This video already has a direct upload in progress (uploadId ${existing.id}); complete it, or cancel it with DELETE /api/v1/videos/${existing.video_id}/upload to start over`,
  );

export const finaliseInProgress = () =>
  new AppError(
    409,
    ErrorCode.FINALIZE_IN_PROGRESS,
    'This upload is being finalised right now; ask again in a few seconds for the result',
    undefined,
    {
      'retry-after': '2',
    },
  );

export const notMedia = (reason: string) =>
  new AppError(
    422,
    ErrorCode.NOT_MEDIA,
    `${reason} The uploaded bytes were discarded; upload a video or audio file instead.`,
  );

/** The upload resource is finished without a source: tus says 410 Gone for such URLs. */
export function uploadGone(upload: UploadRow): AppError {
  const why: Record<string, string> = {
    rejected: `This upload was rejected (${upload.failure_reason ?? 'not a video or audio file'}) and its bytes removed`,
    aborted: 'This upload was cancelled and its bytes removed',
    expired: 'This upload was not finished in time and its bytes were removed',
  };
  return new AppError(
    410,
    ErrorCode.UPLOAD_GONE,
    `${why[upload.state] ?? 'This upload no longer exists'}; start a new upload for the video`,
  );
}

export const uploadAlreadyCompleted = () =>
  new AppError(409, ErrorCode.UPLOAD_COMPLETED, 'This upload is complete and the video is being processed');

export const directUploadUnavailable = () =>
  new AppError(
    409,
    ErrorCode.DIRECT_UPLOAD_UNAVAILABLE,
    'Direct-to-storage uploads need S3 storage, which this server does not use; upload with tus at /api/v1/uploads instead (see docs/API.md)',
  );

function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`;
}
