import { sql } from 'kysely';
import type { Platform } from '../../platform/platform.ts';
import { videoKeys } from './storage-keys.ts';

type MeasureDeps = Pick<Platform, 'database' | 'storage'>;

/**
 * Sums what the store lists under the video's folder, source excluded (HLS, poster, storyboard, captions,
 * moderation frames, anything a later feature adds there), and records it as `videos.processed_bytes`.
 * A recount rather than per-writer deltas: writers replace objects (the master playlist gains a subtitle
 * line, moderation frames are redone), and a count from the store cannot drift from it.
 *
 * Recounts may overlap (captions and moderation finish together): the listing that started last wins,
 * so the figure always includes every write whose writer recounted after it. Throws on failure.
 */
async function measureProcessedBytes(platform: MeasureDeps, videoId: string): Promise<number> {
  const { db } = platform.database;
  // The database's clock, not this process's: recounts run on different workers.
  const { rows } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
  const listedAt = rows[0]!.now;
  const keys = videoKeys(videoId);
  const objects = await platform.storage.listObjectSizes(keys.folder);
  const bytes = objects.filter((object) => object.key !== keys.source).reduce((sum, object) => sum + object.size, 0);
  await db
    .updateTable('videos')
    .set({ processed_bytes: bytes, processed_bytes_listed_at: listedAt })
    .where('id', '=', videoId)
    .where((eb) =>
      eb.or([eb('processed_bytes_listed_at', 'is', null), eb('processed_bytes_listed_at', '<=', listedAt)]),
    )
    .execute();
  return bytes;
}

/**
 * For the writers of a video's derived objects, after they wrote or removed them. The figure is a report:
 * a failed recount must not fail (and retry) a transcode or an analysis, so it is logged and the video
 * keeps its earlier figure; `streamhub rebuild storage-usage` fills one left unmeasured. True when recorded.
 */
export function recordProcessedBytes(
  platform: MeasureDeps & Pick<Platform, 'logger'>,
  videoId: string,
): Promise<boolean> {
  return measureProcessedBytes(platform, videoId).then(
    () => true,
    (error: unknown) => {
      platform.logger.warn({ err: error, videoId }, 'measuring the stored bytes of a video failed');
      return false;
    },
  );
}
