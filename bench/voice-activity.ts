/**
 * Voice activity before recognition: pocketsphinx on a long clip of music, silence and speech, with and without Silero VAD.
 *
 * The clip (made here with ffmpeg and flite) is `--minutes` long (default 4): music and noise, a minute of
 * silence, and two short spoken passages. Prints the recognition time of the whole audio, the time of
 * voice activity plus recognition of the speech only, the speed-up, and the words the recogniser put
 * where nobody speaks, with the load average beside every figure. Results: docs/AI.md, "Speech, images, language".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PocketsphinxTranscriber } from '../src/platform/ai/local/pocketsphinx-transcriber.ts';
import { cutToRegions, originalTime, speechSeconds } from '../src/platform/ai/local/speech-regions.ts';
import { detectSpeech } from '../src/platform/ai/local/voice-activity.ts';
import { encodeWav, parseWav } from '../src/platform/ai/local/wav-pcm.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { musicSource } from '../test/support/sound-fixtures.ts';

const run = promisify(execFile);
const minutesArg = process.argv.indexOf('--minutes');
const minutes = minutesArg > 0 ? Number(process.argv[minutesArg + 1]) : 4;
/** `--voice espeak` speaks the passages with espeak-ng instead of flite's slt (a voice the thresholds were not tuned on). */
const voiceArg = process.argv.indexOf('--voice');
const voice = voiceArg > 0 ? process.argv[voiceArg + 1] : 'flite';
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

const dir = await mkdtemp(join(tmpdir(), 'streamhub-bench-vad-'));
try {
  const transcriber = PocketsphinxTranscriber.detect(
    process.env.AI_POCKETSPHINX_MODEL_DIR ?? '/usr/share/pocketsphinx/model/en-us',
  );
  if (!transcriber) throw new Error('pocketsphinx-en-us is not installed');
  const passages = [
    'Welcome back. Today we will build a small garden bench from reclaimed wood and a few screws.',
    'Thank you for watching. Next week we paint the bench and talk about protecting wood outside.',
  ];
  const spoken: string[] = [];
  for (const [index, text] of passages.entries()) {
    spoken.push(join(dir, `spoken-${index}.wav`));
    if (voice === 'espeak') await run('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', spoken[index]!, text]);
    else await run('flite', ['-voice', 'slt', '-t', text, '-o', spoken[index]!]);
  }
  // Music for half the length, a minute of silence, speech, the rest music, speech at the end.
  const total = minutes * 60;
  const firstMusic = Math.round(total / 2);
  const secondMusic = Math.max(10, total - firstMusic - 60 - 15);
  const clip = join(dir, 'clip.wav');
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', musicSource(firstMusic)],
    ...['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono:d=60'],
    ...['-i', spoken[0]!],
    ...['-f', 'lavfi', '-i', musicSource(secondMusic)],
    ...['-i', spoken[1]!],
    ...[
      '-filter_complex',
      '[0]aresample=16000[a];[1]aresample=16000[b];[2]aresample=16000[c];[3]aresample=16000[d];[4]aresample=16000[e];[a][b][c][d][e]concat=n=5:v=0:a=1[out]',
    ],
    ...['-map', '[out]', '-ac', '1', '-ar', '16000', '-sample_fmt', 's16', clip],
  ]);
  const signal = new AbortController().signal;

  let started = performance.now();
  const whole = await transcriber.transcribe(clip, signal);
  const wholeMs = performance.now() - started;
  const speechStart = firstMusic + 60;

  started = performance.now();
  const activity = (await detectSpeech(clip))!;
  const vadMs = performance.now() - started;
  const cut = cutToRegions(activity.audio.samples, 16_000, activity.regions, 0.5);
  const cutPath = join(dir, 'speech-only.wav');
  await writeFile(cutPath, encodeWav({ sampleRate: 16_000, samples: cut.samples }));
  started = performance.now();
  const speechOnly = await transcriber.transcribe(cutPath, signal);
  const speechMs = performance.now() - started;

  // Words placed where nobody speaks: anywhere but the two passages (give or take a second).
  const durationOf = async (path: string) => {
    const audio = parseWav(await readFile(path));
    return audio.samples.length / audio.sampleRate;
  };
  const [first, second] = [await durationOf(spoken[0]!), await durationOf(spoken[1]!)];
  const spokenAt = [
    [speechStart, speechStart + first],
    [speechStart + first + secondMusic, speechStart + first + secondMusic + second],
  ] as const;
  const inMusic = (time: number) => spokenAt.every(([from, to]) => time < from - 1 || time > to + 1);
  // A caption is stray when it starts or ends where nobody speaks (one spanning the music counts too).
  type Segment = { startSeconds: number; endSeconds: number; text: string };
  const stray = (segments: Segment[], map: (time: number, edge: 'start' | 'end') => number) =>
    segments
      .filter((segment) => inMusic(map(segment.startSeconds, 'start')) || inMusic(map(segment.endSeconds, 'end')))
      .reduce((n, segment) => n + segment.text.split(' ').length, 0);
  console.log(
    `voice ${voice}; clip: ${activity.audioSeconds.toFixed(0)} s, speech found ${speechSeconds(activity.regions).toFixed(1)} s in ${activity.regions.length} regions`,
  );
  console.log(`pocketsphinx on the whole audio:      ${(wholeMs / 1000).toFixed(1)} s   load ${load()}`);
  console.log(`Silero VAD:                           ${(vadMs / 1000).toFixed(2)} s   load ${load()}`);
  console.log(`pocketsphinx on the speech only:      ${(speechMs / 1000).toFixed(1)} s   load ${load()}`);
  console.log(`speed-up (VAD + speech only vs whole): ${(wholeMs / (vadMs + speechMs)).toFixed(1)}×`);
  console.log(
    `words placed in music or silence: whole ${stray(whole.value.segments, (time) => time)}, with VAD ${stray(speechOnly.value.segments, (time, edge) => originalTime(time, cut.pieces, edge))}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
