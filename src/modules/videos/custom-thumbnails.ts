import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { notFound, unprocessable } from '../../platform/http/errors.ts';
import { probeStillImage, renderLetterboxedJpeg, UndecodableImageError } from '../../platform/media/still-image.ts';
import type { Platform } from '../../platform/platform.ts';
import { publishThumbnailChanged } from './events.ts';
import { recordProcessedBytes } from './processed-bytes.ts';
import { videoRepo, type VideoRow } from './repo.ts';
import type { VideoService } from './service.ts';
import { videoKeys } from './storage-keys.ts';
import { assertDeclaredImageType, assertThumbnailDimensions, THUMBNAIL_SIZE } from './thumbnail-upload.ts';

/**
 * A creator's own thumbnail for a video. The upload is checked (type, magic bytes, dimensions),
 * re-encoded to a normalised JPEG, stored under a new key, and only then is the video pointed at it, in a
 * transaction holding the row lock; the previous picture is deleted after that commits. Two uploads at
 * once therefore end with one of them shown and the other's object removed, never a pointer to a
 * missing or half-written file.
 */
export class CustomThumbnails {
  private readonly platform: Pick<Platform, 'database' | 'storage' | 'logger'>;
  private readonly videos: Pick<VideoService, 'getOwned'>;
  private readonly workRoot: string;

  constructor(deps: {
    platform: Pick<Platform, 'database' | 'storage' | 'logger'>;
    videos: Pick<VideoService, 'getOwned'>;
    dataDir: string;
  }) {
    this.platform = deps.platform;
    this.videos = deps.videos;
    this.workRoot = join(deps.dataDir, 'work', 'thumbnails');
  }

  async replace(actor: AuthenticatedUser, videoId: string, contentType: string | undefined, bytes: Buffer) {
    await this.videos.getOwned(actor, videoId);
    assertDeclaredImageType(contentType, bytes);
    const key = videoKeys(videoId).customThumbnail(randomUUID());
    const workDir = join(this.workRoot, randomUUID());
    try {
      await mkdir(workDir, { recursive: true });
      const upload = join(workDir, 'upload');
      const encoded = join(workDir, 'thumbnail.jpg');
      await writeFile(upload, bytes);
      try {
        assertThumbnailDimensions(await probeStillImage(upload));
        await renderLetterboxedJpeg(upload, encoded, THUMBNAIL_SIZE);
      } catch (error) {
        if (error instanceof UndecodableImageError) throw unprocessable(error.message);
        throw error;
      }
      await this.platform.storage.putFile(key, encoded, { contentType: 'image/jpeg' });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
    return this.pointAt(videoId, key);
  }

  async remove(actor: AuthenticatedUser, videoId: string): Promise<VideoRow> {
    await this.videos.getOwned(actor, videoId);
    return this.pointAt(videoId, null);
  }

  /** Switches the pointer under the row lock, then deletes the picture it pointed at before. */
  private async pointAt(videoId: string, key: string | null): Promise<VideoRow> {
    let previous: string | null = null;
    let video: VideoRow;
    try {
      video = await this.platform.database.db.transaction().execute(async (trx) => {
        const current = await videoRepo.findByIdForUpdate(trx, videoId);
        if (!current || current.status === 'deleted') throw notFound('Video');
        previous = current.custom_thumbnail_key;
        if (previous === key) return current;
        const updated = await videoRepo.setCustomThumbnail(trx, videoId, key);
        await publishThumbnailChanged(trx, updated);
        return updated;
      });
    } catch (error) {
      if (key) await this.deleteQuietly(key);
      throw error;
    }
    if (previous && previous !== key) await this.deleteQuietly(previous);
    // The thumbnail lives in the video's folder, so it counts in the video's stored bytes.
    await recordProcessedBytes(this.platform, videoId);
    return video;
  }

  /** A leftover is inside the video's folder and goes with the video, so failing here fails nothing. */
  private async deleteQuietly(key: string): Promise<void> {
    await this.platform.storage.deleteObject(key).catch((error: unknown) => {
      this.platform.logger.warn({ err: error, key }, 'could not delete a replaced custom thumbnail');
    });
  }
}
