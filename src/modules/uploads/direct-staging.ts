import {
  MultipartUploadNotFoundError,
  type ObjectStorage,
  type PresignCapability,
} from '../../platform/storage/object-storage.ts';
import type { UploadRow } from './repo.ts';
import type { SourceStaging } from './source-staging.ts';
import { sniffStoredObject } from './stored-media-sniff.ts';

/**
 * Direct uploads: the client PUTs parts of a multipart upload at the video's source key straight to
 * S3; once assembled (DirectUploadService) the object is in place and only needs sniffing.
 */
export class DirectStaging implements SourceStaging {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly presign: PresignCapability,
  ) {}

  sniff(upload: UploadRow): Promise<void> {
    return sniffStoredObject(this.storage, upload.store_id, upload.size_bytes);
  }

  async promote(): Promise<void> {
    // Assembled at the source key.
  }

  async cleanUp(): Promise<void> {
    // Nothing is staged beside the object.
  }

  async discard(upload: UploadRow): Promise<void> {
    if (upload.multipart_upload_id) {
      await this.presign.abortMultipartUpload(upload.store_id, upload.multipart_upload_id).catch((error: unknown) => {
        if (!(error instanceof MultipartUploadNotFoundError)) throw error;
      });
    }
    await this.storage.deleteObject(upload.store_id);
  }
}
