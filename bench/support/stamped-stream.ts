/**
 * A synthetic camera for glass-to-glass measurements: this process paints every frame itself with the
 * wall clock at the moment it is captured (time-stamp-code.ts) and pipes it, raw, into an ffmpeg that
 * encodes H.264/AAC like pushTestStream (live-test-support.ts) and pushes it over RTMP. Painting here
 * rather than with ffmpeg's drawtext gives the real capture time to the millisecond (drawtext's clock
 * has whole seconds; its frame timestamps are stream time, not wall time), so a frame the encoder or
 * the machine delays still carries the time it was "filmed".
 */
import { spawn } from 'node:child_process';
import { ffmpegPath } from '../../src/platform/media/ffmpeg-binary.ts';
import { obsLikeEncoding } from '../../src/modules/live/live-test-support.ts';
import { paintStamp } from './time-stamp-code.ts';

const WIDTH = 640;
const HEIGHT = 360;
const FPS = 30;

export interface StampedStream {
  /** Resolves when ffmpeg has exited (after `seconds`, or `stop()`). */
  exited: Promise<void>;
  /** Frames painted after their due time by more than a frame (a busy machine's camera stutters). */
  lateFrames(): number;
  stop(): void;
}

/** `gopSeconds`: the keyframe interval (HLS segments can only be cut at keyframes; 2 s like OBS's default). */
export function pushStampedStream(rtmpUrl: string, seconds: number, gopSeconds = 2): StampedStream {
  const child = spawn(
    ffmpegPath(),
    [
      ...['-hide_banner', '-loglevel', 'error'],
      ...['-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${WIDTH}x${HEIGHT}`, '-framerate', String(FPS), '-i', 'pipe:0'],
      ...['-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'],
      ...obsLikeEncoding(Math.round(gopSeconds * FPS)),
      ...['-shortest', '-f', 'flv', rtmpUrl],
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.on('error', () => undefined);
  const exited = new Promise<void>((resolve, reject) => {
    child.on('exit', (code, signal) =>
      code === 0 || signal === 'SIGTERM' || stopped
        ? resolve()
        : reject(new Error(`stamped stream encoder failed (${code ?? signal}): ${stderr.trim()}`)),
    );
  });
  exited.catch(() => undefined);

  // Mid grey, with the code drawn over it each frame.
  const frame = Buffer.alloc(WIDTH * HEIGHT, 96);
  const started = Date.now();
  const total = seconds * FPS;
  let index = 0;
  let late = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    if (stopped) return;
    if (index >= total) {
      child.stdin!.end();
      return;
    }
    const due = started + (index * 1000) / FPS;
    const now = Date.now();
    if (now - due > 1000 / FPS) late += 1;
    paintStamp(frame, WIDTH, now);
    // ffmpeg copies the frame out of the pipe: the same buffer is painted again for the next one.
    child.stdin!.write(Buffer.from(frame));
    index += 1;
    timer = setTimeout(next, Math.max(0, started + (index * 1000) / FPS - Date.now()));
  };
  next();
  return {
    exited,
    lateFrames: () => late,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      child.stdin!.end();
      child.kill('SIGTERM');
    },
  };
}
