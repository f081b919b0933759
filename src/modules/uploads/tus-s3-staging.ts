import { ERRORS, type DataStore } from '@tus/server';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import type { UploadRow } from './repo.ts';
import type { SourceStaging } from './source-staging.ts';
import { sniffStoredObject } from './stored-media-sniff.ts';

/**
 * tus uploads in S3 mode: the tus S3 store writes the multipart upload under the upload's store id,
 * which is the video's source key, so a finished upload is already in place and only its sidecars
 * (`<key>.info`, and `<key>.part` for a trailing chunk under 5 MiB, named by @tus/s3-store) remain.
 */
export class TusS3Staging implements SourceStaging {
  constructor(
    private readonly store: DataStore,
    private readonly storage: ObjectStorage,
  ) {}

  sniff(upload: UploadRow): Promise<void> {
    return sniffStoredObject(this.storage, upload.store_id, upload.size_bytes);
  }

  async promote(): Promise<void> {
    // Already at the source key.
  }

  async cleanUp(upload: UploadRow): Promise<void> {
    await this.removeSidecars(upload);
  }

  async discard(upload: UploadRow): Promise<void> {
    // Aborts the multipart upload of an unfinished upload; a finished one has none left to abort.
    await this.store.remove(upload.store_id).catch((error: unknown) => {
      if (error !== ERRORS.FILE_NOT_FOUND) throw error;
    });
    await this.storage.deleteObject(upload.store_id);
    await this.removeSidecars(upload);
  }

  private async removeSidecars(upload: UploadRow): Promise<void> {
    await this.storage.deleteObject(`${upload.store_id}.info`);
    await this.storage.deleteObject(`${upload.store_id}.part`);
  }
}
