import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobContext, JobHandler } from '../../platform/jobs/job-queue.ts';
import { NotMediaError, processMedia, type ProcessedMedia } from '../../platform/media/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { ObjectNotFoundError, type ObjectStorage } from '../../platform/storage/object-storage.ts';
import { PROCESS_VIDEO_ATTEMPTS, type VideoJobPayload } from './job-queues.ts';
import { publishVideoEvent, publishVideoFailed, VIDEO_READY } from './events.ts';
import { publishProcessingEvent } from './processing-events.ts';
import { throttleProgress } from './progress-throttle.ts';
import { videoRepo, type VideoRow } from './repo.ts';
import { recordProcessedBytes } from './processed-bytes.ts';
import { outputKeys, videoKeys } from './storage-keys.ts';

const DELETED = 'The video was deleted';

/** A problem with the upload itself: retrying cannot help, so the video fails at once. */
class PermanentProcessingError extends Error {}

/** Removes what a processing run may have published, leaving the source in place for a retry. */
export async function removeOutputs(storage: ObjectStorage, videoId: string): Promise<void> {
  const { prefixes, objects } = outputKeys(videoId);
  await Promise.all([
    ...prefixes.map((prefix) => storage.deletePrefix(prefix)),
    ...objects.map((key) => storage.deleteObject(key)),
  ]);
}

function failureReason(error: unknown): string {
  if (error instanceof NotMediaError || error instanceof PermanentProcessingError) return error.message;
  const firstLine = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300);
  return `Processing failed after ${PROCESS_VIDEO_ATTEMPTS} attempts (${firstLine}). Try uploading the file again, or re-encode it first.`;
}

/**
 * The processing job: source -> HLS ladder, poster, storyboard -> storage -> one transaction that
 * makes the video ready. Nothing about the outcome is written to the video row before the outputs
 * are all stored, so a video is never half ready.
 *
 * Failure policy: a bad upload (not media, source missing) marks the video failed and completes the
 * job, since no retry can fix the file; it is the uploader's to act on, not an admin's dead letter.
 * Anything else (storage or database hiccups, a killed ffmpeg) is retried; the last attempt marks
 * the video failed and throws, so the job lands in the dead letters, and an admin retry starts the
 * video over from 'processing'. Every failure removes partial outputs and temp files first.
 */
export function createProcessVideoHandler(
  platform: Pick<Platform, 'database' | 'storage' | 'pubsub' | 'logger' | 'config'>,
): JobHandler<VideoJobPayload> {
  const {
    database: { db },
    storage,
    pubsub,
    logger,
  } = platform;
  const workRoot = join(platform.config.dataDir, 'work', 'transcode');

  const markFailed = async (videoId: string, reason: string) => {
    await db.transaction().execute(async (trx) => {
      const failed = await videoRepo.markFailed(trx, videoId, reason);
      if (failed) await publishVideoFailed(trx, { videoId, creatorId: failed.creator_id, reason });
    });
    await publishProcessingEvent(pubsub, videoId, { type: 'failed', reason });
  };

  /** Writes probe data, renditions and output keys in one go; false when the video was deleted meanwhile. */
  const publishResult = (video: VideoRow, result: ProcessedMedia) =>
    db.transaction().execute(async (trx) => {
      const current = await videoRepo.findByIdForUpdate(trx, video.id);
      if (current?.status !== 'processing') return false;
      const keys = videoKeys(video.id);
      await videoRepo.replaceRenditions(
        trx,
        video.id,
        result.hls.renditions.map((rendition) => ({
          video_id: video.id,
          name: rendition.name,
          kind: rendition.kind,
          width: rendition.width,
          height: rendition.height,
          bandwidth: rendition.bandwidth,
          codecs: rendition.codecs,
          playlist_key: `${keys.hls}/${rendition.playlist}`,
        })),
      );
      const { info } = result;
      const ready = await videoRepo.markReady(trx, video.id, {
        duration_seconds: result.hls.durationSeconds,
        width: info.hasVideo ? info.width : null,
        height: info.hasVideo ? info.height : null,
        fps: info.hasVideo ? info.fps : null,
        video_codec: info.videoCodec,
        audio_codec: info.audioCodec,
        bitrate: info.bitrate,
        has_audio: info.hasAudio,
        rotation: info.rotation,
        master_playlist_key: `${keys.hls}/${result.hls.masterPlaylist}`,
        thumbnail_key: keys.poster,
        storyboard_image_key: result.storyboard ? keys.storyboardImage : null,
        storyboard_vtt_key: result.storyboard ? keys.storyboardVtt : null,
      });
      if (ready) await publishVideoEvent(trx, VIDEO_READY, ready);
      return true;
    });

  const transcode = async (job: JobContext<VideoJobPayload>, video: VideoRow, workDir: string) => {
    const input = join(workDir, 'source');
    const outputDir = join(workDir, 'output');
    if (!video.source_key)
      throw new PermanentProcessingError('The video has no uploaded file to process; upload it again');
    await storage.downloadToFile(video.source_key, input).catch((error: unknown) => {
      throw error instanceof ObjectNotFoundError
        ? new PermanentProcessingError('The uploaded file is missing from storage; upload it again')
        : error;
    });
    const progress = throttleProgress(
      async (percent) => {
        await job.reportProgress(percent);
        await videoRepo.setProgress(db, video.id, percent);
        await publishProcessingEvent(pubsub, video.id, { type: 'progress', status: 'processing', percent });
      },
      (error) => logger.warn({ err: error, videoId: video.id }, 'reporting processing progress failed'),
    );
    const result = await processMedia({ input, workDir: outputDir, signal: job.signal, onProgress: progress.update });
    await progress.flush();
    // Outputs first, row second: once the row says ready, every file it points at exists.
    await storage.uploadDirectory(videoKeys(video.id).folder, outputDir);
    return result;
  };

  return async (job) => {
    const { videoId } = job.payload;
    const video = await videoRepo.restartProcessing(db, videoId);
    if (!video) {
      // Ready already, or deleted before this run started: for a deleted one make sure nothing is left.
      const current = await videoRepo.findById(db, videoId);
      if (!current || current.status === 'deleted') await storage.deletePrefix(videoKeys(videoId).folder);
      return;
    }
    await publishProcessingEvent(pubsub, videoId, { type: 'progress', status: 'processing', percent: 0 });
    const workDir = join(workRoot, videoId);
    // A run that was killed (worker crash, lost lease) left its temp files and maybe some outputs.
    await rm(workDir, { recursive: true, force: true });
    await removeOutputs(storage, videoId);
    try {
      const result = await transcode(job, video, workDir);
      if (await publishResult(video, result)) {
        await recordProcessedBytes(platform, videoId);
        await publishProcessingEvent(pubsub, videoId, { type: 'ready' });
      } else {
        // Only a delete takes a video out of 'processing' behind this run's back.
        await storage.deletePrefix(videoKeys(videoId).folder);
        await publishProcessingEvent(pubsub, videoId, { type: 'failed', reason: DELETED });
      }
    } catch (error) {
      await removeOutputs(storage, videoId);
      // Not necessarily 0: moderation frames of an earlier run stay until the video is assessed again.
      await recordProcessedBytes(platform, videoId);
      const permanent = error instanceof NotMediaError || error instanceof PermanentProcessingError;
      if (permanent || job.attempt >= PROCESS_VIDEO_ATTEMPTS) await markFailed(videoId, failureReason(error));
      if (permanent) {
        logger.info({ videoId, reason: (error as Error).message }, 'video cannot be processed');
        return;
      }
      throw error;
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };
}

/** Housekeeping after a delete: every stored object of the video, source included. */
export function createDeleteVideoObjectsHandler(
  platform: Pick<Platform, 'database' | 'storage' | 'logger'>,
): JobHandler<VideoJobPayload> {
  return async (job) => {
    const { videoId } = job.payload;
    const video = await videoRepo.findById(platform.database.db, videoId);
    // Only ever for deleted videos, whatever enqueued the job.
    if (video && video.status !== 'deleted') return;
    await platform.storage.deletePrefix(videoKeys(videoId).folder);
    await recordProcessedBytes(platform, videoId);
  };
}
