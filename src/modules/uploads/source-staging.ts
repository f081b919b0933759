import type { UploadRow } from './repo.ts';

/**
 * Where an upload's bytes wait until finalisation, and how they become (or stop being) the video's
 * source object. One implementation per place bytes can wait: the tus file store, the tus S3 store,
 * and a direct multipart upload. Every step is safe to repeat, because a finaliser that crashed is
 * replaced by another that starts over.
 */
export interface SourceStaging {
  /** Throws NotMediaError when the staged bytes are not audio or video. */
  sniff(upload: UploadRow): Promise<void>;
  /** Makes the staged bytes the object at the video's source key. */
  promote(upload: UploadRow): Promise<void>;
  /** Removes what staging leaves behind once the source is promoted and recorded. */
  cleanUp(upload: UploadRow): Promise<void>;
  /** Removes every byte of a rejected, cancelled or expired upload. */
  discard(upload: UploadRow): Promise<void>;
}
