import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LECTURE_TOPICS } from './spoken-lecture.ts';

const run = promisify(execFile);

/** flite's CMU voices (slt by default) and espeak-ng's (American English by default). */
export type Voice = 'flite' | 'espeak-ng' | `flite:${string}` | `espeak-ng:${string}`;

export interface LectureVideo {
  path: string;
  /** Where each topic is spoken, known exactly because each is synthesised on its own. */
  topics: { name: string; startSeconds: number; endSeconds: number }[];
}

async function durationOf(path: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path]);
  return Number(stdout.trim());
}

/** Speaks one text to a WAV file with Debian's flite (the CMU "slt" voice unless named) or espeak-ng. */
export async function speak(voice: Voice, text: string, wav: string): Promise<void> {
  const [engine, name] = voice.split(':');
  if (engine === 'flite') await run('flite', ['-voice', name ?? 'slt', '-t', text, '-o', wav]);
  else await run('espeak-ng', ['-v', name ?? 'en-us', '-s', '150', '-w', wav, text]);
}

/**
 * The spoken lecture as a small MP4 (a 320×180 test picture plus the speech): each topic is
 * synthesised separately, so its start and end in the video are known, then all are joined.
 */
/** Joins WAV files end to end into one mono WAV at `sampleRate` (ffmpeg's concat demuxer). */
export async function concatenateWavs(dir: string, wavs: string[], out: string, sampleRate: number): Promise<void> {
  const list = join(dir, `${Date.now()}-parts.txt`);
  await writeFile(list, wavs.map((wav) => `file '${wav}'`).join('\n'));
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    list,
    '-ar',
    String(sampleRate),
    '-ac',
    '1',
    out,
  ]);
  await rm(list, { force: true });
}

export async function makeLectureVideo(dir: string, voice: Voice = 'flite'): Promise<LectureVideo> {
  const topics: LectureVideo['topics'] = [];
  const wavs: string[] = [];
  let offset = 0;
  for (const [index, topic] of LECTURE_TOPICS.entries()) {
    const wav = join(dir, `topic-${index}.wav`);
    await speak(voice, topic.sentences.join(' '), wav);
    const duration = await durationOf(wav);
    topics.push({ name: topic.name, startSeconds: offset, endSeconds: offset + duration });
    offset += duration;
    wavs.push(wav);
  }
  const speech = join(dir, 'lecture.wav');
  await concatenateWavs(dir, wavs, speech, 22050);
  const path = join(dir, 'lecture.mp4');
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=320x180:r=10:d=${Math.ceil(offset)}`,
    '-i',
    speech,
    '-shortest',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    path,
  ]);
  await Promise.all([...wavs, speech].map((file) => rm(file, { force: true })));
  return { path, topics };
}
