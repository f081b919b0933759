/**
 * Chapters on spoken multi-topic clips: boundary precision and recall within 2 s of the true topic changes.
 *
 * Each lecture of bench/support/chapter-lectures.ts (written for this evaluation, not tuned on) is spoken
 * topic by topic (flite or espeak-ng voices), so the true changes are known; joined, transcribed by
 * PocketSphinx, embedded with the sentence encoder and cut into chapters by meaning
 * (extractInsights). A predicted boundary (a chapter start after 0) is correct when a true change lies
 * within BENCH_TOLERANCE_S (2) seconds; each true change is matched at most once. Load is printed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { extractInsights } from '../src/platform/ai/local/extractive-insights.ts';
import { PocketsphinxTranscriber } from '../src/platform/ai/local/pocketsphinx-transcriber.ts';
import { LocalEmbedder, SENTENCE_ENCODER_MODEL } from '../src/platform/ai/local/sentence-embedder.ts';
import { concatenateWavs, speak } from '../test/support/lecture-fixture.ts';
import { CHAPTER_LECTURES } from './support/chapter-lectures.ts';
import { envNumber, markdownTable } from './support/options.ts';

const run = promisify(execFile);
const TOLERANCE = envNumber('BENCH_TOLERANCE_S', 2);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

async function duration(path: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path]);
  return Number(stdout.trim());
}

/** Greedy one-to-one matching of predicted boundaries to true changes within the tolerance. */
function matches(predicted: number[], truth: number[]): number {
  const free = [...truth];
  let matched = 0;
  for (const boundary of predicted) {
    const index = free.findIndex((change) => Math.abs(change - boundary) <= TOLERANCE);
    if (index >= 0) {
      free.splice(index, 1);
      matched += 1;
    }
  }
  return matched;
}

const config = loadConfig({ ...process.env, NODE_ENV: 'production' });
const transcriber = PocketsphinxTranscriber.detect(config.ai.pocketsphinxModelDir);
if (!transcriber) throw new Error('pocketsphinx is not installed');
const embedder = new LocalEmbedder();
const signal = new AbortController().signal;
const rows: string[][] = [];
let truePositives = 0;
let predictedTotal = 0;
let changesTotal = 0;
for (const lecture of CHAPTER_LECTURES) {
  const dir = await mkdtemp(join(tmpdir(), 'streamhub-chapters-'));
  try {
    const wavs: string[] = [];
    const changes: number[] = [];
    let offset = 0;
    for (const [index, topic] of lecture.topics.entries()) {
      const wav = join(dir, `topic-${index}.wav`);
      await speak(lecture.voice, topic.text, wav);
      if (index > 0) changes.push(offset);
      offset += await duration(wav);
      wavs.push(wav);
    }
    const speech = join(dir, 'speech.wav');
    await concatenateWavs(dir, wavs, speech, 16000);
    const started = performance.now();
    const { value: transcript } = await transcriber.transcribe(speech, signal);
    const { value: vectors } = await embedder.embed(
      transcript.segments.map((segment) => segment.text),
      signal,
    );
    if (embedder.model.name !== SENTENCE_ENCODER_MODEL.name) throw new Error('the sentence encoder did not load');
    const { chapters } = extractInsights(transcript.segments, vectors);
    const seconds = (performance.now() - started) / 1000;
    const predicted = chapters.map((chapter) => chapter.startSeconds).filter((start) => start > 0);
    const matched = matches(predicted, changes);
    truePositives += matched;
    predictedTotal += predicted.length;
    changesTotal += changes.length;
    rows.push([
      lecture.name,
      lecture.voice,
      offset.toFixed(1),
      changes.map((change) => change.toFixed(1)).join(', '),
      predicted.map((start) => start.toFixed(1)).join(', ') || '-',
      `${matched}/${predicted.length}`,
      `${matched}/${changes.length}`,
      String(transcript.segments.length),
      seconds.toFixed(0),
      load(),
    ]);
    process.stderr.write(`${lecture.name}: ${rows.at(-1)!.join(' | ')}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(`\nChapter boundaries within ${TOLERANCE} s of the true topic changes (PocketSphinx + sentence encoder)\n`);
console.log(
  markdownTable(
    [
      'lecture',
      'voice',
      'length s',
      'true changes s',
      'predicted boundaries s',
      'precision',
      'recall',
      'segments',
      'transcribe+chapters s',
      'load 1/5/15',
    ],
    rows,
  ),
);
console.log(
  `\noverall: precision ${(truePositives / Math.max(1, predictedTotal)).toFixed(2)} (${truePositives}/${predictedTotal}), ` +
    `recall ${(truePositives / Math.max(1, changesTotal)).toFixed(2)} (${truePositives}/${changesTotal}) (load ${load()})`,
);
