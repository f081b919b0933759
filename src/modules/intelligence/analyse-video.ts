import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ai } from '../../platform/ai/ai.ts';
import {
  EXTRACTIVE_INSIGHTS_MODEL,
  MEANING_INSIGHTS_MODEL,
  extractInsights,
} from '../../platform/ai/local/extractive-insights.ts';
import { HASHED_EMBEDDER_MODEL } from '../../platform/ai/local/hashed-embedder.ts';
import { extractSpeechAudio } from '../../platform/ai/speech-audio.ts';
import type { Executor } from '../../platform/db/transaction.ts';
import type { JobContext } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { videoQueries } from '../videos/video-queries.ts';
import type { VideoRow } from '../videos/repo.ts';
import { recordProcessedBytes } from '../videos/processed-bytes.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import { analysisStatusRepo } from './analysis-status-repo.ts';
import { writeChapterTitles } from './chapter-titles.ts';
import { publishCaptions, removeCaptions } from './captions.ts';
import { contentHash, embeddingRepo, type StoredModel } from './embedding-repo.ts';
import { insightsRepo } from './insights-repo.ts';
import type { AnalyseVideoPayload } from './job-queues.ts';
import { speechActivityRepo } from './speech-activity-repo.ts';
import { transcribeSpeech } from './speech-transcription.ts';
import { transcriptRepo } from './transcript-repo.ts';
import { videoDocument } from './video-document.ts';
import { transcriptLanguage, videoLanguages } from './video-languages.ts';

/** A video without an audio track: no speech, known without running the voice activity model. */
const NO_AUDIO = { audioSeconds: 0, speechSeconds: 0, regions: 0, modelName: 'no-audio-track' };

/**
 * The AI analysis of a ready video, in steps that each persist their output: transcript, captions,
 * summary and chapters, embeddings. A retried or repeated run skips what is already there (the same
 * model made it, or a creator edited it), so the job is idempotent and resumes where a crash stopped
 * it; `force` recomputes model outputs but never overwrites a creator's edit.
 */
export function createAnalyseVideoHandler(
  platform: Pick<Platform, 'database' | 'storage' | 'logger' | 'config'>,
  ai: Ai,
) {
  const {
    database: { db },
    storage,
    logger,
  } = platform;
  const workRoot = join(platform.config.dataDir, 'work', 'ai');

  const analyse = async (job: JobContext<AnalyseVideoPayload>): Promise<void> => {
    const { videoId, force = false } = job.payload;
    const video = await videoQueries.findById(db, videoId);
    if (video?.status !== 'ready') return; // deleted or reprocessing: a later video.ready starts over
    const context = { userId: video.creator_id, videoId, signal: job.signal };

    const transcript = await transcriptRepo.find(db, videoId);
    // A video found to have no speech has no transcript on purpose: a retry does not listen again.
    const noSpeech = !transcript && (await speechActivityRepo.find(db, videoId))?.speech_seconds === 0;
    const wantTranscript =
      ai.transcription.available && !transcript?.edited_at && (force || (!transcript && !noSpeech));
    await analysisStatusRepo.mark(db, videoId, wantTranscript ? 'transcribing' : 'analysing');
    if (wantTranscript) {
      const workDir = join(workRoot, videoId);
      try {
        await mkdir(workDir, { recursive: true });
        const source = join(workDir, 'source');
        const wav = join(workDir, 'speech.wav');
        await storage.downloadToFile(videoKeys(videoId).source, source);
        const hasAudio = await extractSpeechAudio(source, wav, job.signal).then(
          () => true,
          (error: unknown) => {
            // A video without an audio track has nothing to transcribe; that is an answer, not a failure.
            if (/matches no streams|does not contain any stream/i.test(String(error))) return false;
            throw error;
          },
        );
        const outcome = hasAudio
          ? await transcribeSpeech(ai, wav, workDir, context)
          : ({ kind: 'no-speech', activity: NO_AUDIO } as const);
        if (outcome.activity) await speechActivityRepo.save(db, videoId, outcome.activity);
        if (outcome.kind === 'no-speech') {
          // A model transcript from before (say, words invented over music) goes; a creator's edit never gets here.
          await transcriptRepo.removeModelTranscript(db, videoId);
          if (transcript) {
            await removeCaptions(storage, videoId, transcript.language);
            await recordProcessedBytes(platform, videoId);
          }
          logger.info({ videoId }, 'no speech detected');
        } else {
          const { result } = outcome;
          const language = await transcriptLanguage(
            result.value.language,
            result.value.segments.map((segment) => segment.text),
          );
          await transcriptRepo.save(db, videoId, { ...result.value, language, model: result.model, editedBy: 'model' });
          logger.info(
            { videoId, model: result.model.name, segments: result.value.segments.length },
            'video transcribed',
          );
        }
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    }
    await job.reportProgress(60);
    await analysisStatusRepo.mark(db, videoId, 'analysing');
    await refreshDerivedOutputs(platform, ai, video, force);
    await analysisStatusRepo.mark(db, videoId, 'done');
  };

  return async (job: JobContext<AnalyseVideoPayload>): Promise<void> => {
    try {
      await analyse(job);
    } catch (error) {
      // A video deleted or reprocessed mid-analysis loses its files under the job: nothing to retry,
      // and its next video.ready starts a fresh analysis.
      if ((await videoQueries.findById(db, job.payload.videoId))?.status !== 'ready') return;
      // The creator sees the reason; a retry that follows marks the next step again.
      await analysisStatusRepo
        .mark(db, job.payload.videoId, 'failed', (error as Error).message.slice(0, 500))
        .catch(() => undefined);
      throw error;
    }
  };
}

/**
 * Everything that follows from the transcript and metadata: captions, insights and embeddings. Also
 * run after a creator edits the transcript, and (embeddings only change) after metadata edits.
 */
export async function refreshDerivedOutputs(
  platform: Pick<Platform, 'database' | 'storage' | 'logger'>,
  ai: Ai,
  video: VideoRow,
  force = false,
): Promise<void> {
  const db = platform.database.db;
  const transcript = await transcriptRepo.find(db, video.id);
  const segments = transcript ? await transcriptRepo.segments(db, video.id) : [];
  if (transcript) {
    const failure = await publishCaptions(
      platform.storage,
      video.id,
      transcript.language,
      segments,
      video.duration_seconds ?? segments.at(-1)?.endSeconds ?? 0,
    ).then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    // Deleted (or sent back to processing) meanwhile: its folder is being cleared, so take the captions back
    // out. Also when publishing failed half-way because the cleanup had already removed the master playlist:
    // the caption files written before that would otherwise outlive the video.
    if ((await videoQueries.findById(db, video.id))?.status !== 'ready') {
      await removeCaptions(platform.storage, video.id, transcript.language);
      return;
    }
    if (failure) throw failure.error;
    await recordProcessedBytes(platform, video.id);
  }

  // Segments first: their sentence vectors are where the chapters come from.
  const segmentVectors = await embedSegments(
    db,
    ai,
    video,
    segments.map((segment) => segment.text),
    force,
  );
  // Hashed vectors only know words, which TextTiling already compares (and better, with its own weights).
  const byMeaning = segmentVectors && segmentVectors.model !== HASHED_EMBEDDER_MODEL.name;
  const insightsModel = byMeaning ? MEANING_INSIGHTS_MODEL : EXTRACTIVE_INSIGHTS_MODEL;
  let insights = await insightsRepo.find(db, video.id);
  const stale =
    !insights ||
    force ||
    insights.model_name !== insightsModel.name ||
    insights.transcript_updated_at?.getTime() !== transcript?.updated_at.getTime();
  if (transcript && segments.length > 0 && stale && !insights?.edited_at) {
    const extracted = extractInsights(segments, byMeaning ? segmentVectors.vectors : undefined);
    const context = { userId: video.creator_id, videoId: video.id };
    const chapters = await writeChapterTitles(ai, extracted.chapters, segments, context);
    await insightsRepo.save(
      db,
      video.id,
      { ...extracted, chapters },
      { model: insightsModel, transcriptUpdatedAt: transcript.updated_at, editedBy: 'model' },
    );
    insights = await insightsRepo.find(db, video.id);
  }

  await embedVideo(db, ai, video, insights?.summary, force);
  await videoLanguages.refresh(
    db,
    video,
    segments.map((segment) => segment.text),
  );
}

/** Whether stored vectors are current: the same text, embedded by the model that would embed it now. */
function current(ai: Ai, stored: StoredModel | undefined, hash: string): boolean {
  const preferred = ai.embedding.chain[0]?.model;
  return stored?.hash === hash && stored.model === preferred?.name && stored.version === preferred.version;
}

async function embedVideo(
  db: Executor,
  ai: Ai,
  video: VideoRow,
  summary: string | undefined,
  force: boolean,
): Promise<void> {
  const text = videoDocument(video, summary);
  const hash = contentHash(text);
  const stored = await embeddingRepo.videoHash(db, video.id);
  if (!force && current(ai, stored, hash)) return;
  const embedded = await ai.embeddings.embed(text, { userId: video.creator_id, videoId: video.id });
  await embeddingRepo.saveVideo(db, video.id, embedded, hash);
}

/**
 * Embeds the transcript segments whose text or model changed (in batches, through the batcher) and
 * returns every segment's vector when all are of one model, for chapters by meaning.
 */
async function embedSegments(
  db: Executor,
  ai: Ai,
  video: VideoRow,
  texts: string[],
  force: boolean,
): Promise<{ model: string; vectors: number[][] } | undefined> {
  const stored = await embeddingRepo.segmentHashes(db, video.id);
  const todo = texts
    .map((text, position) => ({ position, text, hash: contentHash(text) }))
    .filter((segment) => force || !current(ai, stored.get(segment.position), segment.hash));
  const embedded = await ai.embeddings.embedAll(
    todo.map((segment) => segment.text),
    { userId: video.creator_id, videoId: video.id },
  );
  await embeddingRepo.saveSegments(
    db,
    video.id,
    todo.map((segment, index) => ({ position: segment.position, hash: segment.hash, embedded: embedded[index]! })),
    texts.length,
  );
  const model = embedded[0] ?? stored.get(0);
  if (!model || texts.length === 0) return undefined;
  const name = model.model;
  const vectors = await embeddingRepo.segmentVectors(db, video.id, { name, version: model.version });
  return vectors.length === texts.length ? { model: name, vectors } : undefined;
}
