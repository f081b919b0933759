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

/**
 * Pushes `seconds` of test pattern with a burned-in wall clock (ms since epoch, for glass-to-glass
 * latency) and a tone, H.264/AAC over RTMP like OBS, at real time.
 */
export function pushTestStream(rtmpUrl: string, seconds: number, options: { size?: string } = {}): SyntheticEncoder {
  const size = options.size ?? '640x360';
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
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-tune',
      'zerolatency',
      '-g',
      '60',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '64k',
      '-f',
      'flv',
      rtmpUrl,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
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
  readonly frames: ChatFrame[] = [];
  private readonly waiters: Array<{ match: (frame: ChatFrame) => boolean; resolve: (frame: ChatFrame) => void }> = [];
  readonly socket: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ChatFrame;
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(frame);
        }
      }
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
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
