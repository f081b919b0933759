import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ffmpegPath } from '../../../platform/media/ffmpeg-binary.ts';

export interface LivePackagingPlan {
  /** Where ffmpeg pulls the stream from (the local RTMP server). */
  inputUrl: string;
  workDir: string;
  segmentSeconds: number;
  dvrWindowSeconds: number;
  /** Heights of the rungs transcoded beside the source rendition. */
  ladderHeights: number[];
  /** The source is already H.264 (+ AAC): its rendition is copied, not re-encoded. */
  videoPassthrough: boolean;
  hasAudio: boolean;
  audioPassthrough: boolean;
}

export const RECORDING_FILE = 'recording.ts';
export const HLS_DIR = 'hls';

const RUNG_BITRATE_PER_HEIGHT = 2500; // bits/s per line: 360p ~ 900 kb/s, 720p ~ 1.8 Mb/s

/**
 * ffmpeg arguments for one live stream: an HLS ladder (the source rendition plus the configured
 * lower rungs) with `segmentSeconds` segments and a playlist as long as the DVR window, and beside
 * it the recording as one MPEG-TS file, which becomes the video when the stream ends.
 */
export function livePackagingArgs(plan: LivePackagingPlan): string[] {
  const rungs = [null, ...plan.ladderHeights];
  const args = ['-hide_banner', '-loglevel', 'error', '-fflags', '+genpts', '-i', plan.inputUrl];
  const keyframes = `expr:gte(t,n_forced*${plan.segmentSeconds})`;
  rungs.forEach((height, index) => {
    args.push('-map', '0:v:0');
    if (plan.hasAudio) args.push('-map', '0:a:0');
    if (height === null && plan.videoPassthrough) {
      args.push(`-c:v:${index}`, 'copy');
    } else {
      args.push(
        `-c:v:${index}`,
        'libx264',
        `-preset:v:${index}`,
        'veryfast',
        `-tune:v:${index}`,
        'zerolatency',
        `-force_key_frames:v:${index}`,
        keyframes,
        `-sc_threshold:v:${index}`,
        '0',
      );
      if (height !== null) {
        args.push(
          `-filter:v:${index}`,
          `scale=-2:${height}`,
          `-b:v:${index}`,
          String(height * RUNG_BITRATE_PER_HEIGHT),
        );
      }
    }
    if (plan.hasAudio) {
      if (height === null && plan.audioPassthrough) args.push(`-c:a:${index}`, 'copy');
      else args.push(`-c:a:${index}`, 'aac', `-b:a:${index}`, height === null ? '128k' : '96k');
    }
  });
  const streamMap = rungs
    .map(
      (height, index) =>
        `v:${index}${plan.hasAudio ? `,a:${index}` : ''},name:${height === null ? 'source' : `${height}p`}`,
    )
    .join(' ');
  const hlsDir = join(plan.workDir, HLS_DIR);
  args.push(
    '-f',
    'hls',
    '-hls_time',
    String(plan.segmentSeconds),
    '-hls_list_size',
    String(Math.ceil(plan.dvrWindowSeconds / plan.segmentSeconds)),
    '-hls_flags',
    'independent_segments+program_date_time+delete_segments',
    '-master_pl_name',
    'master.m3u8',
    '-var_stream_map',
    streamMap,
    '-hls_segment_filename',
    join(hlsDir, '%v', 'seg_%06d.ts'),
    join(hlsDir, '%v', 'index.m3u8'),
  );
  args.push('-map', '0:v:0');
  if (plan.hasAudio) args.push('-map', '0:a:0');
  args.push('-c', 'copy', '-f', 'mpegts', join(plan.workDir, RECORDING_FILE));
  return args;
}

/** One ffmpeg process packaging one stream; stop() asks it to finish (end list, flushed recording). */
export class HlsPackager {
  private readonly child: ChildProcess;
  private stderr = '';
  readonly exited: Promise<number | null>;

  constructor(plan: LivePackagingPlan) {
    this.child = spawn(ffmpegPath(), livePackagingArgs(plan), { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.exited = new Promise((resolve) => this.child.once('close', (code) => resolve(code)));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get errorOutput(): string {
    return this.stderr;
  }

  /** SIGINT makes ffmpeg write the end of the playlists and the recording; SIGKILL if it hangs. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
