import cliProgress from 'cli-progress';
import type { Config } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';
import { createAi } from '../platform/ai/create-ai.ts';
import { enqueueVideoAnalysis } from '../modules/intelligence/job-queues.ts';
import { reembedAll, type ReembedProgress } from '../modules/intelligence/reembed.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE = 'Usage: streamhub ai reprocess <videoId>... | --all | --embeddings\n';

/** A bar on stderr when it is a terminal; otherwise a line every 5% (logs stay readable). */
function reembedProgress(stream: NodeJS.WriteStream = process.stderr): ReembedProgress & { stop(): void } {
  if (!stream.isTTY) {
    let total = 0;
    let done = 0;
    let reported = 0;
    return {
      start: (count) => {
        total = count;
        stream.write(`re-embedding ${count} video(s)\n`);
      },
      advance: (videos) => {
        done += videos;
        if (done === total || done - reported >= total / 20) {
          reported = done;
          stream.write(`re-embedded ${done}/${total}\n`);
        }
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: 're-embedding [{bar}] {percentage}% | {value}/{total} videos | ETA {eta_formatted}' },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(Math.max(total, 1), 0),
    advance: (videos) => bar.increment(videos),
    stop: () => bar.stop(),
  };
}

/** Re-embeds, in this process, the videos whose vectors are not the current model's (resumable). */
async function reprocessEmbeddings(config: Config): Promise<number> {
  const platform = await createPlatform(config);
  const progress = reembedProgress();
  try {
    const result = await reembedAll(platform.database.db, createAi(platform), progress);
    progress.stop();
    process.stdout.write(`re-embedded ${result.videos} video(s) with ${result.model.name}@${result.model.version}\n`);
    return 0;
  } finally {
    progress.stop();
    await platform.close();
  }
}

/**
 * `streamhub ai reprocess --embeddings` re-embeds every video whose vectors are another model's, here
 * and now with a progress bar; run again after an interruption, it continues with what is left.
 * `streamhub ai reprocess`: queues a forced re-analysis (transcript, captions, summary, chapters,
 * embeddings) of the given ready videos or of all of them, e.g. after configuring a better model.
 * Workers (`serve` in embedded mode, `streamhub worker` otherwise) run the jobs; creators' edits are kept.
 */
export async function runAiCommand(config: Config, args: string[]): Promise<number> {
  const [verb, ...targets] = args;
  if (verb === 'reprocess' && targets.length === 1 && targets[0] === '--embeddings') return reprocessEmbeddings(config);
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
