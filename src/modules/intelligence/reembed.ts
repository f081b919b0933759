import { sql, type Kysely } from 'kysely';
import type { Ai } from '../../platform/ai/ai.ts';
import type { ModelInfo } from '../../platform/ai/ports.ts';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { contentHash, embeddingRepo } from './embedding-repo.ts';
import { videoDocument } from './video-document.ts';

/** Videos per step: their metadata and transcript segments go to the embedder as one batch. */
const VIDEOS_PER_STEP = 16;
/** Texts per embedder call, so a video with a very long transcript does not make one giant call. */
const TEXTS_PER_CALL = 256;

export interface ReembedProgress {
  start(total: number): void;
  advance(videos: number): void;
}

/** Ready videos whose own vector, or any segment's, is missing or from another model than `model`. */
function stale(model: ModelInfo) {
  return sql<boolean>`(
    not exists (select 1 from video_embeddings e where e.video_id = v.id
                and e.model = ${model.name} and e.model_version = ${model.version})
    or exists (select 1 from segment_embeddings s where s.video_id = v.id
               and (s.model <> ${model.name} or s.model_version <> ${model.version}))
    or exists (select 1 from transcript_segments t where t.video_id = v.id and not exists (
               select 1 from segment_embeddings s where s.video_id = t.video_id and s.position = t.position)))`;
}

/**
 * `streamhub ai reprocess --embeddings`: re-embeds every ready video (metadata + summary, and each
 * transcript segment) whose vectors are not the current embedding model's, e.g. after the model
 * changed. Each video's vectors are written in one transaction, and the work left is found by
 * querying for stale videos, so an interrupted run simply resumes: what was done is not done again.
 * Returns the model used and how many videos were re-embedded.
 */
export async function reembedAll(
  db: Kysely<DB>,
  ai: Ai,
  progress: ReembedProgress,
  videosPerStep = VIDEOS_PER_STEP,
): Promise<{ model: ModelInfo; videos: number }> {
  // The model that serves embeddings now (the local encoder finishes loading here).
  const { model } = await ai.embed(['StreamHub'], {});
  // Raw SQL over videos, like semantic search: the videos module has no query for "stale vectors".
  const total = (
    await sql<{
      n: number;
    }>`select count(*)::int as n from videos v where v.status = 'ready' and ${stale(model)}`.execute(db)
  ).rows[0]!;
  progress.start(Number(total.n));
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const { rows: videos } = await sql<{
      id: string;
      title: string;
      description: string;
      tags: string[];
      summary: string | null;
    }>`select v.id, v.title, v.description, v.tags, i.summary
       from videos v left join video_insights i on i.video_id = v.id
       where v.status = 'ready' and v.id > ${after} and ${stale(model)}
       order by v.id limit ${videosPerStep}`.execute(db);
    if (videos.length === 0) break;
    after = videos.at(-1)!.id;
    const segments = await db
      .selectFrom('transcript_segments')
      .select(['video_id', 'position', 'text'])
      .where(
        'video_id',
        'in',
        videos.map((video) => video.id),
      )
      .orderBy('video_id')
      .orderBy('position')
      .execute();
    const texts = [
      ...videos.map((video) => videoDocument(video, video.summary ?? undefined)),
      ...segments.map((segment) => segment.text),
    ];
    const vectors: number[][] = [];
    let used = model;
    for (let start = 0; start < texts.length; start += TEXTS_PER_CALL) {
      const result = await ai.embed(texts.slice(start, start + TEXTS_PER_CALL), {});
      vectors.push(...result.value);
      used = result.model;
    }
    const embedded = (index: number) => ({ vector: vectors[index]!, model: used.name, version: used.version });
    for (const [index, video] of videos.entries()) {
      const own = segments.flatMap((segment, at) => (segment.video_id === video.id ? [{ segment, at }] : []));
      await inTransaction(db, async (trx) => {
        await embeddingRepo.saveVideo(trx, video.id, embedded(index), contentHash(texts[index]!));
        await embeddingRepo.saveSegments(
          trx,
          video.id,
          own.map(({ segment, at }) => ({
            position: segment.position,
            hash: contentHash(segment.text),
            embedded: embedded(videos.length + at),
          })),
          own.length,
        );
      });
    }
    done += videos.length;
    progress.advance(videos.length);
  }
  return { model, videos: done };
}
