// Sounds without speech and speech after music, made with ffmpeg's generators and Debian's flite voice at
// test time, for voice activity tests and the bench (nothing binary is committed).
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ffmpeg = (args: string[]) => run('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args]);

/** A melody that steps through a scale over a slower bass line, with pink noise under it: music, no voice. */
export function musicSource(seconds: number): string {
  const melody = '0.25*sin(2*PI*(262*pow(2,floor(mod(t*2,8))/12))*t)';
  const bass = '0.15*sin(2*PI*(131*pow(2,floor(mod(t/2,4))*4/12))*t)';
  return `aevalsrc='${melody}+${bass}':s=48000:d=${seconds}`;
}

const AUDIO_OUT = ['-ac', '1', '-ar', '16000', '-sample_fmt', 's16', '-f', 'wav'];

/** `seconds` of music and noise as a 16 kHz mono WAV (what the analysis extracts from a video). */
export async function makeMusicWav(dir: string, seconds: number): Promise<string> {
  const output = join(dir, `music-${seconds}s.wav`);
  await ffmpeg([
    ...['-f', 'lavfi', '-i', musicSource(seconds)],
    ...['-f', 'lavfi', '-i', `anoisesrc=d=${seconds}:c=pink:a=0.05:r=48000`],
    ...['-filter_complex', '[0][1]amix=inputs=2:normalize=0', ...AUDIO_OUT, output],
  ]);
  return output;
}

/** A short video whose only sound is music and noise. */
export async function makeMusicVideo(dir: string, seconds = 6): Promise<string> {
  const output = join(dir, 'music-only.mp4');
  await ffmpeg([
    ...['-f', 'lavfi', '-i', `testsrc2=s=320x180:r=15:d=${seconds}`],
    ...['-f', 'lavfi', '-i', musicSource(seconds)],
    ...['-f', 'lavfi', '-i', `anoisesrc=d=${seconds}:c=pink:a=0.05:r=48000`],
    ...['-filter_complex', '[1][2]amix=inputs=2:normalize=0[a]', '-map', '0:v', '-map', '[a]'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', output],
  ]);
  return output;
}

/**
 * Music for `musicSeconds`, `silenceSeconds` of silence, then `text` spoken by flite's "slt" voice, as a
 * 16 kHz WAV; with `video`, an MP4 with a test picture instead. Speech starts at musicSeconds + silenceSeconds.
 */
export async function makeSpeechAfterMusic(
  dir: string,
  text: string,
  { musicSeconds, silenceSeconds, video = false }: { musicSeconds: number; silenceSeconds: number; video?: boolean },
): Promise<string> {
  const spoken = join(dir, 'spoken.wav');
  await run('flite', ['-voice', 'slt', '-t', text, '-o', spoken]);
  const output = join(dir, video ? 'speech-after-music.mp4' : 'speech-after-music.wav');
  const audio = [
    ...['-f', 'lavfi', '-i', musicSource(musicSeconds)],
    ...['-f', 'lavfi', '-i', `anullsrc=r=48000:cl=mono:d=${silenceSeconds}`],
    ...['-i', spoken],
    ...[
      '-filter_complex',
      '[0]aresample=16000[m];[1]aresample=16000[s];[2]aresample=16000[v];[m][s][v]concat=n=3:v=0:a=1[a]',
    ],
  ];
  if (video) {
    await ffmpeg([
      ...audio,
      ...['-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=15:d=600'],
      ...['-map', '3:v', '-map', '[a]', '-shortest'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', output],
    ]);
  } else {
    await ffmpeg([...audio, '-map', '[a]', ...AUDIO_OUT, output]);
  }
  await rm(spoken);
  return output;
}
