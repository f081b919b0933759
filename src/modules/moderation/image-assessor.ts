import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import {
  IMAGE_MODERATION_MODEL,
  classifyImages,
  unsafeScore,
  type ImageScores,
} from '../../platform/ai/local/image-moderation.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { JobContext } from '../../platform/jobs/job-queue.ts';
import { classifierPixels, extractFrameJpeg, frameTimes, sceneChanges } from '../../platform/media/frame-sampling.ts';
import type { Platform } from '../../platform/platform.ts';
import { recordProcessedBytes } from '../videos/processed-bytes.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { caseRepo } from './case-repo.ts';
import { MODERATION_CASE_QUEUED, publishCaseEvent } from './events.ts';
import { frameScoresRepo, type PictureSource, type ScoredImage } from './frame-scores-repo.ts';

export interface ModerateVideoImagesPayload {
  videoId: string;
}

/** Where the scored pictures of a video are kept for the review queue (inside its folder: deleted with it). */
export const moderationFramesPrefix = (videoId: string) => `${videoKeys(videoId).folder}/moderation`;

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

const PICTURE_NAMES = { poster: 'poster', custom_thumbnail: 'custom thumbnail' } as const;

function reasonFor(image: ScoredImage): string {
  const where = image.source === 'frame' ? `frame at ${clock(image.atSeconds ?? 0)}` : PICTURE_NAMES[image.source];
  const classes = (['porn', 'hentai', 'sexy'] as const)
    .map((name) => `${name} ${image.scores[name].toFixed(2)}`)
    .join(', ');
  return `${where}: unsafe ${image.unsafeScore.toFixed(2)} (${classes})`;
}

/**
 * Image moderation of a ready video: its poster, its custom thumbnail if the creator uploaded one, and frames sampled
 * evenly plus at shot starts are scored by nsfwjs. The most unsafe picture decides: at or above the
 * threshold the video's picture case goes to the admin queue with each flagged picture's time in the
 * reasons (and the pictures kept for the reviewer); at or above the hold threshold it also leaves public
 * lists until approved. A repeat run on the same source, poster and model changes nothing, and an
 * admin's decision stands until the pictures change.
 */
export function createModerateVideoImagesHandler(
  platform: Pick<Platform, 'database' | 'storage' | 'logger' | 'config'>,
) {
  const {
    database: { db },
    storage,
    logger,
  } = platform;
  const settings: Config['imageModeration'] = platform.config.imageModeration;
  const workRoot = join(platform.config.dataDir, 'work', 'image-moderation');

  return async (job: JobContext<ModerateVideoImagesPayload>): Promise<void> => {
    const video = await videoQueries.findById(db, job.payload.videoId);
    if (video?.status !== 'ready') return;
    const contentHash = createHash('sha256')
      .update(
        [
          video.id,
          video.thumbnail_key,
          video.custom_thumbnail_key ?? '',
          video.updated_at.toISOString(),
          IMAGE_MODERATION_MODEL.name,
        ].join('\n'),
      )
      .digest('hex');
    const earlier = await caseRepo.find(db, 'video_image', video.id);
    if (earlier?.content_hash === contentHash) return;

    const workDir = join(workRoot, `${video.id}-${randomUUID()}`);
    try {
      await mkdir(workDir, { recursive: true });
      const source = join(workDir, 'source');
      await storage.downloadToFile(videoKeys(video.id).source, source);
      const pictures: { source: PictureSource; atSeconds: number | null; jpeg: string }[] = [];
      const stills = [
        { source: 'poster' as const, key: video.thumbnail_key },
        { source: 'custom_thumbnail' as const, key: video.custom_thumbnail_key },
      ];
      for (const { source, key } of stills) {
        if (!key || !(await storage.statObject(key))) continue;
        const jpeg = join(workDir, `${source}.jpg`);
        await storage.downloadToFile(key, jpeg);
        pictures.push({ source, atSeconds: null, jpeg });
      }
      const duration = video.duration_seconds ?? 0;
      if (duration > 0) {
        const scenes = await sceneChanges(source, workDir, settings.sceneFrames, job.signal);
        for (const [index, at] of frameTimes(duration, settings.frames, scenes).entries()) {
          const jpeg = join(workDir, `frame-${index}.jpg`);
          await extractFrameJpeg(source, Math.min(at, Math.max(0, duration - 0.1)), jpeg, job.signal);
          pictures.push({ source: 'frame', atSeconds: at, jpeg });
        }
      }
      const pixels: Uint8Array[] = [];
      for (const picture of pictures) pixels.push(await classifierPixels(picture.jpeg, workDir, job.signal));
      const scores = await classifyImages(pixels);
      if (!scores) {
        // The model could not load (see /ready): the video stays unscored rather than wrongly cleared.
        logger.warn({ videoId: video.id }, 'image moderation model unavailable; pictures not scored');
        return;
      }
      const prefix = moderationFramesPrefix(video.id);
      await storage.deletePrefix(prefix);
      const scored: ScoredImage[] = [];
      for (const [position, picture] of pictures.entries()) {
        const imageKey = `${prefix}/${position}.jpg`;
        await storage.putFile(imageKey, picture.jpeg, { contentType: 'image/jpeg' });
        const imageScores: ImageScores = scores[position]!;
        scored.push({
          source: picture.source,
          atSeconds: picture.atSeconds,
          scores: imageScores,
          unsafeScore: unsafeScore(imageScores),
          imageKey,
        });
      }
      await saveAssessment(platform, video, contentHash, scored, settings);
      await recordProcessedBytes(platform, video.id);
      logger.info(
        { videoId: video.id, pictures: scored.length, top: Math.max(0, ...scored.map((image) => image.unsafeScore)) },
        'video pictures moderated',
      );
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };
}

async function saveAssessment(
  platform: Pick<Platform, 'database'>,
  video: { id: string; creator_id: string; custom_thumbnail_key: string | null },
  contentHash: string,
  scored: ScoredImage[],
  settings: Config['imageModeration'],
): Promise<void> {
  const worst = scored.reduce<ScoredImage | undefined>(
    (top, image) => (!top || image.unsafeScore > top.unsafeScore ? image : top),
    undefined,
  );
  const topScore = worst?.unsafeScore ?? 0;
  const flagged = topScore >= settings.threshold;
  const reasons = scored
    .filter((image) => image.unsafeScore >= settings.threshold)
    .sort((a, b) => b.unsafeScore - a.unsafeScore)
    .map(reasonFor);
  await inTransaction(platform.database.db, async (trx) => {
    const current = await videoQueries.findById(trx, video.id);
    if (current?.status !== 'ready') return; // deleted or reprocessing meanwhile: its next video.ready runs again
    // A thumbnail uploaded or removed meanwhile has its own job coming, which scores the current pictures.
    if (current.custom_thumbnail_key !== video.custom_thumbnail_key) return;
    await frameScoresRepo.replace(trx, video.id, scored);
    const row = await caseRepo.upsert(trx, {
      subjectType: 'video_image',
      subjectId: video.id,
      ownerId: video.creator_id,
      contentHash,
      scores: worst ? { ...worst.scores, unsafe: worst.unsafeScore } : { unsafe: 0 },
      topCategory: 'unsafe',
      topScore,
      reasons,
      model: IMAGE_MODERATION_MODEL,
      status: flagged ? 'pending' : 'clear',
      held: topScore >= settings.holdThreshold,
    });
    if (row.status === 'pending') await publishCaseEvent(trx, MODERATION_CASE_QUEUED, row);
  });
}
