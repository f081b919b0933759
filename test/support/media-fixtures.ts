// Tiny media files generated at test time (nothing binary is committed). Each takes well under a
// second to make; they exercise the shapes uploads really come in, not picture quality.
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type FixtureKind =
  | 'landscape'
  | 'portrait'
  | 'noAudio'
  | 'audioOnly'
  | 'audioWithCover'
  | 'oneFrame'
  | 'oddDimensions'
  | 'vfr'
  | 'rotated'
  | 'speech'
  | 'truncated'
  | 'textAsMp4';

const SECONDS = 3;
const SPOKEN_TEXT =
  'Welcome to StreamHub. This short clip explains how adaptive streaming picks a quality for your connection.';

const ffmpeg = process.env.FFMPEG_PATH || 'ffmpeg';

async function ffmpegRun(args: string[]): Promise<void> {
  await run(ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args]);
}

function video(size: string, rate = 30, seconds = SECONDS): string[] {
  return ['-f', 'lavfi', '-i', `testsrc2=s=${size}:r=${rate}:d=${seconds}`];
}

function tone(seconds = SECONDS): string[] {
  return ['-f', 'lavfi', '-i', `sine=f=440:sample_rate=48000:d=${seconds}`];
}

const H264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
const AAC = ['-c:a', 'aac', '-b:a', '96k'];

async function makeLandscape(output: string, extra: string[] = []): Promise<void> {
  await ffmpegRun([...video('640x360'), ...tone(), ...H264, ...AAC, ...extra, output]);
}

const generators: Record<FixtureKind, (dir: string) => Promise<string>> = {
  async landscape(dir) {
    const output = join(dir, 'landscape.mp4');
    await makeLandscape(output);
    return output;
  },
  async portrait(dir) {
    const output = join(dir, 'portrait.mp4');
    await ffmpegRun([...video('360x640'), ...tone(), ...H264, ...AAC, output]);
    return output;
  },
  async noAudio(dir) {
    const output = join(dir, 'no-audio.mp4');
    await ffmpegRun([...video('640x360'), ...H264, output]);
    return output;
  },
  async audioOnly(dir) {
    const output = join(dir, 'audio-only.m4a');
    await ffmpegRun([...tone(), ...AAC, output]);
    return output;
  },
  async audioWithCover(dir) {
    const output = join(dir, 'audio-with-cover.mp3');
    await ffmpegRun([
      ...tone(),
      ...video('300x300', 1, 1),
      '-map',
      '0:a',
      '-map',
      '1:v',
      '-frames:v',
      '1',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '96k',
      '-c:v',
      'png',
      '-disposition:v:0',
      'attached_pic',
      '-id3v2_version',
      '3',
      output,
    ]);
    return output;
  },
  async oneFrame(dir) {
    const output = join(dir, 'one-frame.mp4');
    await ffmpegRun([...video('640x360'), '-frames:v', '1', ...H264, output]);
    return output;
  },
  async oddDimensions(dir) {
    // testsrc2 rounds its own size to even, and 4:2:0 cannot be odd: scale, then encode 4:4:4.
    const output = join(dir, 'odd-dimensions.mp4');
    await ffmpegRun([
      ...video('428x242'),
      ...tone(),
      '-vf',
      'scale=427:241,setsar=1',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv444p',
      ...AAC,
      output,
    ]);
    return output;
  },
  async vfr(dir) {
    // 60 fps for the first 1.5 s, then every other frame: an average of ~45 fps with real timestamp gaps.
    const output = join(dir, 'vfr.mp4');
    await ffmpegRun([
      ...video('640x360', 60),
      ...tone(),
      '-vf',
      "select='lt(t,1.5)+not(mod(n,2))'",
      '-fps_mode',
      'vfr',
      ...H264,
      ...AAC,
      output,
    ]);
    return output;
  },
  async rotated(dir) {
    // Phones store landscape pixels plus a display matrix. ffmpeg 5.1 has no -display_rotation, but
    // its mp4 muxer turns a `rotate` tag into the matrix when the stream is copied.
    const plain = join(dir, 'rotated-source.mp4');
    const output = join(dir, 'rotated.mp4');
    await makeLandscape(plain);
    await ffmpegRun(['-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', output]);
    await rm(plain);
    return output;
  },
  async speech(dir) {
    const wav = join(dir, 'speech.wav');
    const output = join(dir, 'speech.mp4');
    await run('espeak-ng', ['-v', 'en', '-s', '160', '-w', wav, SPOKEN_TEXT]);
    await ffmpegRun([...video('640x360', 30, 30), '-i', wav, '-shortest', ...H264, ...AAC, output]);
    await rm(wav);
    return output;
  },
  async truncated(dir) {
    // faststart puts the index first, so ffprobe still reads it: the hard case, where the header
    // promises 3 s but most of the media data is gone.
    const complete = join(dir, 'complete.mp4');
    const output = join(dir, 'truncated.mp4');
    await makeLandscape(complete, ['-movflags', '+faststart']);
    const bytes = await readFile(complete);
    await writeFile(output, bytes.subarray(0, Math.floor(bytes.length * 0.4)));
    await rm(complete);
    return output;
  },
  async textAsMp4(dir) {
    const output = join(dir, 'notes.mp4');
    await writeFile(output, 'These are meeting notes, not a video.\nItem 1: ship the media layer.\n');
    return output;
  },
};

/** Writes a fixture of the given kind into `dir` and returns its path. */
export function makeFixture(kind: FixtureKind, dir: string): Promise<string> {
  return generators[kind](dir);
}

/** A 640×360 clip with a tone, `seconds` long: for tests that need time to play, seek and resume. */
export async function makeLandscapeClip(dir: string, seconds: number): Promise<string> {
  const output = join(dir, `landscape-${seconds}s.mp4`);
  await ffmpegRun([...video('640x360', 30, seconds), ...tone(seconds), ...H264, ...AAC, output]);
  return output;
}
