import type { Platform } from '../../platform/platform.ts';
import { recordProcessedBytes } from './processed-bytes.ts';

const BATCH = 100;
/** Listings in flight: S3 round trips dominate, and the store serves the site meanwhile. */
const CONCURRENCY = 4;

export interface BackfillProgress {
  measured: number;
  failed: number;
  /** Videos without a figure when the run started. */
  total: number;
}

/**
 * Measures every video that has no `processed_bytes` yet (processed before the column existed, or whose
 * recount failed). Resumable: a measured video is no longer null, so a run started again picks up the
 * rest. A failure is logged, counted and skipped; the video stays null for the next run.
 */
export async function backfillProcessedBytes(
  platform: Pick<Platform, 'database' | 'storage' | 'logger'>,
  onProgress: (progress: BackfillProgress) => void,
): Promise<BackfillProgress> {
  const { db } = platform.database;
  const unmeasured = db.selectFrom('videos').where('processed_bytes', 'is', null).where('status', '<>', 'deleted');
  const counted = await unmeasured.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const progress: BackfillProgress = { measured: 0, failed: 0, total: Number(counted.n) };
  let after: string | undefined;
  for (;;) {
    const ids = (
      await unmeasured
        .select('id')
        .$if(after !== undefined, (query) => query.where('id', '>', after!))
        .orderBy('id')
        .limit(BATCH)
        .execute()
    ).map((row) => row.id);
    if (ids.length === 0) return progress;
    for (let start = 0; start < ids.length; start += CONCURRENCY) {
      await Promise.all(
        ids.slice(start, start + CONCURRENCY).map(async (id) => {
          if (await recordProcessedBytes(platform, id)) progress.measured += 1;
          else progress.failed += 1;
        }),
      );
    }
    onProgress({ ...progress });
    after = ids.at(-1);
  }
}
