import type { Config } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';
import { enqueueVideoAnalysis } from '../modules/intelligence/job-queues.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE = 'Usage: streamhub ai reprocess <videoId>... | --all\n';

/**
 * `streamhub ai reprocess`: queues a forced re-analysis (transcript, captions, summary, chapters,
 * embeddings) of the given ready videos or of all of them, e.g. after configuring a better model.
 * Workers (`serve` in embedded mode, `streamhub worker` otherwise) run the jobs; creators' edits are kept.
 */
export async function runAiCommand(config: Config, args: string[]): Promise<number> {
  const [verb, ...targets] = args;
  if (verb !== 'reprocess' || targets.length === 0) {
    process.stderr.write(USAGE);
    return 1;
  }
  const all = targets.includes('--all');
  const invalid = targets.filter((target) => target !== '--all' && !UUID.test(target));
  if (invalid.length > 0 || (all && targets.length > 1)) {
    process.stderr.write(`Not a video id: ${invalid.join(', ') || '--all cannot be combined with ids'}\n${USAGE}`);
    return 1;
  }
  const platform = await createPlatform(config);
  try {
    let query = platform.database.db.selectFrom('videos').select('id').where('status', '=', 'ready');
    if (!all) query = query.where('id', 'in', targets);
    const ids = (await query.orderBy('created_at').execute()).map((row) => row.id);
    const missing = all ? [] : targets.filter((target) => !ids.includes(target));
    for (const id of ids) await enqueueVideoAnalysis(platform.jobs, id, true);
    process.stdout.write(`queued AI re-analysis of ${ids.length} video(s)\n`);
    if (missing.length > 0) process.stderr.write(`not found or not ready, skipped: ${missing.join(', ')}\n`);
    return missing.length > 0 ? 1 : 0;
  } finally {
    await platform.close();
  }
}
