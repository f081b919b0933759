/**
 * Quality of the local AI providers: transcription WER on synthesised speech, recall@10 / MRR of
 * keyword vs semantic vs hybrid search on a labelled catalogue, and Q&A top-citation accuracy.
 *
 * Needs flite, espeak-ng, ffmpeg and pocketsphinx (scripts/install-system-deps.sh). Runs on an
 * in-memory PGlite; no network. Figures are recorded in docs/AI.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PocketsphinxTranscriber } from '../src/platform/ai/local/pocketsphinx-transcriber.ts';
import type { TranscriptSegment } from '../src/platform/ai/ports.ts';
import { extractSpeechAudio } from '../src/platform/ai/speech-audio.ts';
import { refreshDerivedOutputs } from '../src/modules/intelligence/analyse-video.ts';
import { transcriptRepo } from '../src/modules/intelligence/transcript-repo.ts';
import { videoKeys } from '../src/modules/videos/storage-keys.ts';
import { bearer, registerUser, startTestApp, type TestApp } from '../test/support/app.ts';
import { makeLectureVideo, type LectureVideo, type Voice } from '../test/support/lecture-fixture.ts';
import { LECTURE_QUESTIONS, LECTURE_TEXT } from '../test/support/spoken-lecture.ts';
import { wordErrorRate } from '../test/support/word-error-rate.ts';
import { CATALOGUE, LABELLED_QUERIES } from './support/ai-catalogue.ts';
import { markdownTable } from './support/options.ts';

const MODES = ['keyword', 'semantic', 'hybrid'] as const;
const MODEL_DIR = process.env.AI_POCKETSPHINX_MODEL_DIR ?? '/usr/share/pocketsphinx/model/en-us';

async function transcribeLecture(
  dir: string,
  voice: Voice,
): Promise<{ lecture: LectureVideo; segments: TranscriptSegment[]; wer: number; realTime: number }> {
  const transcriber = PocketsphinxTranscriber.detect(MODEL_DIR);
  if (!transcriber) throw new Error(`no pocketsphinx model in ${MODEL_DIR}: run scripts/install-system-deps.sh`);
  const lecture = await makeLectureVideo(dir, voice);
  const wav = join(dir, `${voice}.wav`);
  await extractSpeechAudio(lecture.path, wav);
  const started = performance.now();
  const result = await transcriber.transcribe(wav, new AbortController().signal);
  const seconds = (performance.now() - started) / 1000;
  const wer = wordErrorRate(LECTURE_TEXT, result.value.segments.map((segment) => segment.text).join(' '));
  return { lecture, segments: result.value.segments, wer, realTime: seconds / lecture.topics.at(-1)!.endSeconds };
}

/** A ready public video row with a master playlist to attach captions to: what the pipeline would have left. */
async function readyVideo(
  t: TestApp,
  creatorId: string,
  title: string,
  description: string,
  tags: string[],
): Promise<string> {
  const row = await t.platform.database.db
    .insertInto('videos')
    .values({
      creator_id: creatorId,
      title,
      description,
      tags,
      status: 'ready',
      visibility: 'public',
      duration_seconds: 60,
      uploaded_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.platform.storage.putObject(
    videoKeys(row.id).masterPlaylist,
    Buffer.from('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n360p/index.m3u8\n'),
  );
  return row.id;
}

async function analyse(t: TestApp, videoId: string, segments: TranscriptSegment[]): Promise<void> {
  await transcriptRepo.save(t.platform.database.db, videoId, {
    language: 'en',
    segments,
    model: { provider: 'local', name: 'bench', version: '1' },
    editedBy: 'model',
  });
  const video = await t.platform.database.db
    .selectFrom('videos')
    .selectAll()
    .where('id', '=', videoId)
    .executeTakeFirstOrThrow();
  await refreshDerivedOutputs(t.platform, t.services.ai, video);
}

async function searchQuality(t: TestApp, ids: Map<string, string>): Promise<string[][]> {
  const rows: string[][] = [];
  for (const mode of MODES) {
    let found = 0;
    let first = 0;
    let reciprocal = 0;
    for (const { query, relevant } of LABELLED_QUERIES) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/search?q=${encodeURIComponent(query)}&mode=${mode}&limit=10`,
      });
      const results = (response.json() as { data: { id: string }[] }).data.map((item) => item.id);
      const rank = results.indexOf(ids.get(relevant)!);
      if (rank === 0) first += 1;
      if (rank >= 0) {
        found += 1;
        reciprocal += 1 / (rank + 1);
      }
    }
    const share = (count: number) => (count / LABELLED_QUERIES.length).toFixed(2);
    rows.push([mode, share(first), share(found), share(reciprocal)]);
  }
  return rows;
}

async function qaAccuracy(t: TestApp, token: string, videoId: string, lecture: LectureVideo): Promise<number> {
  let right = 0;
  for (const { question, topic } of LECTURE_QUESTIONS) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/videos/${videoId}/ask`,
      headers: bearer(token),
      payload: { question },
    });
    const top = (response.json() as { data: { passages: { startSeconds: number }[] } }).data.passages[0];
    const range = lecture.topics.find((candidate) => candidate.name === topic)!;
    if (top && top.startSeconds >= range.startSeconds - 0.5 && top.startSeconds < range.endSeconds) right += 1;
  }
  return right / LECTURE_QUESTIONS.length;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'streamhub-bench-ai-'));
  const t = await startTestApp('pglite');
  try {
    const transcripts = [];
    for (const voice of ['flite', 'espeak-ng'] as const)
      transcripts.push({ voice, ...(await transcribeLecture(dir, voice)) });
    process.stdout.write(`\n## Transcription (pocketsphinx-en-us, ${LECTURE_TEXT.split(' ').length}-word lecture)\n\n`);
    process.stdout.write(
      `${markdownTable(
        ['voice', 'WER', 'time / audio length'],
        transcripts.map((entry) => [entry.voice, entry.wer.toFixed(3), entry.realTime.toFixed(2)]),
      )}\n`,
    );

    const creator = await registerUser(t.app, { role: 'creator' });
    const ids = new Map<string, string>();
    for (const video of CATALOGUE) {
      const id = await readyVideo(t, creator.user.id, video.title, video.description, video.tags);
      ids.set(video.key, id);
      await analyse(
        t,
        id,
        video.transcript.map((text, index) => ({ startSeconds: index * 4, endSeconds: index * 4 + 3.5, text })),
      );
    }
    process.stdout.write(`\n## Search (${CATALOGUE.length} videos, ${LABELLED_QUERIES.length} labelled queries)\n\n`);
    process.stdout.write(`${markdownTable(['mode', 'recall@1', 'recall@10', 'MRR'], await searchQuality(t, ids))}\n`);

    const rows: string[][] = [];
    for (const entry of transcripts) {
      const id = await readyVideo(t, creator.user.id, `Lecture (${entry.voice})`, 'Four topics.', []);
      await analyse(t, id, entry.segments);
      rows.push([
        `${entry.voice} speech, pocketsphinx transcript`,
        (await qaAccuracy(t, creator.accessToken, id, entry.lecture)).toFixed(2),
      ]);
    }
    process.stdout.write(`\n## Q&A (${LECTURE_QUESTIONS.length} questions; top citation inside the right topic)\n\n`);
    process.stdout.write(`${markdownTable(['transcript', 'accuracy'], rows)}\n`);
  } finally {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
