// Helpers for live tests: a synthetic encoder (ffmpeg lavfi with a burned-in clock) and a chat client.
import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { ffmpegPath } from '../../platform/media/ffmpeg-binary.ts';

export interface SyntheticEncoder {
  process: ChildProcess;
  /** Resolves with ffmpeg's exit code. */
  exited: Promise<number | null>;
  stop(): void;
}

export interface PushOptions {
  size?: string;
  /**
   * Called with ffmpeg's progress reports: the stream time (ms) sent so far and the wall time it was
   * reported at. At real time (`-re`), wall time minus stream time is when the stream's first frame
   * was pushed (bench/live.ts's glass-to-glass figure).
   */
  onProgress?: (streamMs: number, wallMs: number) => void;
}

/**
 * The encoding a streamer's OBS would send: H.264 tuned for live (`zerolatency`: no frame reordering
 * delay) with a keyframe every `gopFrames`, and AAC audio; the output options before `-f flv <url>`.
 */
export function obsLikeEncoding(gopFrames: number): string[] {
  return [
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(gopFrames)],
    ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k'],
  ];
}

/**
 * Pushes `seconds` of test pattern with a burned-in wall clock (for a person checking latency by eye)
 * and a tone, H.264/AAC over RTMP like OBS, at real time.
 */
export function pushTestStream(rtmpUrl: string, seconds: number, options: PushOptions = {}): SyntheticEncoder {
  const size = options.size ?? '640x360';
  const progress = options.onProgress ? ['-progress', 'pipe:1', '-stats_period', '0.1'] : [];
  const child = spawn(
    ffmpegPath(),
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-re',
      '-f',
      'lavfi',
      '-i',
      `testsrc=size=${size}:rate=30,drawtext=text='%{localtime\\:%T}':fontsize=40:fontcolor=white:box=1:boxcolor=black:x=10:y=10`,
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=44100',
      '-t',
      String(seconds),
      ...obsLikeEncoding(60),
      ...progress,
      '-f',
      'flv',
      rtmpUrl,
    ],
    { stdio: ['ignore', options.onProgress ? 'pipe' : 'ignore', 'pipe'] },
  );
  if (options.onProgress) {
    const report = options.onProgress;
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const wallMs = Date.now();
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^out_time_us=(\d+)$/.exec(line.trim());
        if (match) report(Number(match[1]) / 1000, wallMs);
      }
    });
  }
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      if (code !== 0 && process.env.LIVE_TEST_DEBUG) process.stderr.write(stderr);
      resolve(code);
    }),
  );
  return { process: child, exited, stop: () => child.kill('SIGINT') };
}

export interface ChatFrame {
  type: string;
  [field: string]: any;
}

/** A chat socket that records every frame and can wait for one that matches. */
export class TestChatClient {
  /** Every frame received, batches unpacked into their events. */
  readonly frames: ChatFrame[] = [];
  /** How many of the WebSocket frames were batches of several events. */
  batches = 0;
  private readonly waiters: Array<{ match: (frame: ChatFrame) => boolean; resolve: (frame: ChatFrame) => void }> = [];
  readonly socket: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ChatFrame;
      // A batch frame is its events, one after another (docs/LIVE.md, "Chat protocol").
      if (frame.type === 'batch') this.batches += 1;
      for (const event of frame.type === 'batch' ? (frame.events as ChatFrame[]) : [frame]) this.receive(event);
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  private receive(frame: ChatFrame): void {
    this.frames.push(frame);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(frame)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.readyState === WebSocket.OPEN) return resolve();
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  send(frame: object | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (already received or coming) that matches, within the timeout. */
  waitFor(match: (frame: ChatFrame) => boolean, what: string, timeoutMs = 10_000): Promise<ChatFrame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.frames.slice(-5))}`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      });
    });
  }

  messages(): ChatFrame[] {
    return this.frames.filter((frame) => frame.type === 'message').map((frame) => frame.message);
  }

  close(): void {
    this.socket.close();
  }
}
