import { ERRORS, type DataStore } from '@tus/server';
import { probeMedia } from '../../platform/media/index.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import type { UploadRow } from './repo.ts';
import type { SourceStaging } from './source-staging.ts';

/**
 * tus uploads received into a local directory (embedded mode): ffprobe reads the file in place,
 * then media storage adopts it (a hard link on the same disk, so finalising costs the same for any
 * size; a copy where storage cannot adopt) and the received name is removed. Adopting leaves the
 * received file in place, so a finaliser that crashed after promoting can start over.
 */
export class TusFileStaging implements SourceStaging {
  constructor(
    private readonly store: DataStore,
    private readonly storage: ObjectStorage,
  ) {}

  async sniff(upload: UploadRow): Promise<void> {
    await probeMedia(await this.pathOf(upload));
  }

  async promote(upload: UploadRow): Promise<void> {
    const key = videoKeys(upload.video_id).source;
    const path = await this.pathOf(upload);
    if (this.storage.adoptFile) await this.storage.adoptFile(key, path);
    else await this.storage.putFile(key, path);
  }

  cleanUp(upload: UploadRow): Promise<void> {
    return this.removeReceivedFile(upload);
  }

  discard(upload: UploadRow): Promise<void> {
    return this.removeReceivedFile(upload);
  }

  private async pathOf(upload: UploadRow): Promise<string> {
    const received = await this.store.getUpload(upload.store_id);
    if (!received.storage?.path) throw new Error(`tus upload ${upload.store_id} has no local file`);
    return received.storage.path;
  }

  private async removeReceivedFile(upload: UploadRow): Promise<void> {
    await this.store.remove(upload.store_id).catch((error: unknown) => {
      if (error !== ERRORS.FILE_NOT_FOUND) throw error;
    });
  }
}
