import { spawn } from 'node:child_process';

export type MediaTool = 'ffmpeg' | 'ffprobe';

const STDERR_TAIL_LINES = 20;

export function ffmpegPath(): string {
  return process.env.FFMPEG_PATH || 'ffmpeg';
}

export function ffprobePath(): string {
  return process.env.FFPROBE_PATH || 'ffprobe';
}

/** A tool ran but exited unsuccessfully; `stderrTail` holds its last lines of diagnostics. */
export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';

  constructor(
    readonly tool: MediaTool,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(
      `${tool} exited with ${exitCode === null ? 'a signal' : `code ${exitCode}`}${stderrTail ? `:\n${stderrTail}` : ''}`,
    );
  }
}

export interface RunFfmpegOptions {
  /** Called with strictly increasing percents in 0..100; 100 only once ffmpeg has succeeded. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  /** Length of the media being produced; without it only the final 100 is reported. */
  durationSeconds?: number;
  cwd?: string;
}

/** Keeps the last N lines of a stream without holding all of it (ffmpeg can log a line per bad frame). */
class LineTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly limit: number) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n|\r/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }

  text(): string {
    const all = this.partial.trim() ? [...this.lines, this.partial].slice(-this.limit) : this.lines;
    return all.join('\n');
  }
}

function missingBinaryError(tool: MediaTool, path: string, cause: unknown): Error {
  const variable = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
  return new Error(`could not start ${tool} ("${path}"): install ffmpeg or set ${variable}`, { cause });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Runs ffmpeg with machine-readable progress on stdout. Settles only after the process has exited,
 * so a caller that cleans up the output directory on rejection never races a still-writing child.
 */
export function runFfmpeg(args: readonly string[], options: RunFfmpegOptions = {}): Promise<void> {
  const { onProgress, signal, durationSeconds, cwd } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));

  const path = ffmpegPath();
  const fullArgs = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-progress', 'pipe:1', '-y', ...args];

  return new Promise((resolve, reject) => {
    const child = spawn(path, fullArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = new LineTail(STDERR_TAIL_LINES);
    let lastPercent = -1;
    let stdoutPartial = '';
    let spawnError: unknown;

    const report = (percent: number): void => {
      if (percent <= lastPercent) return;
      lastPercent = percent;
      onProgress?.(percent);
    };

    const onAbort = (): void => {
      // SIGKILL: the output is being thrown away, so a graceful trailer write is only a delay.
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (stdoutPartial + chunk).split('\n');
      stdoutPartial = lines.pop() ?? '';
      if (!onProgress || !durationSeconds || durationSeconds <= 0) return;
      for (const line of lines) {
        const match = /^out_time_us=(\d+)/.exec(line);
        if (!match) continue;
        const percent = (Number(match[1]) / 1e6 / durationSeconds) * 100;
        // 100 is reserved for "ffmpeg exited successfully"; the muxer may still be writing.
        report(Math.min(99, Math.floor(percent * 10) / 10));
      }
    });

    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => stderr.push(chunk));

    child.on('error', (error) => {
      spawnError = error;
    });

    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(abortReason(signal));
      if (spawnError) return reject(missingBinaryError('ffmpeg', path, spawnError));
      if (code !== 0) return reject(new FfmpegError('ffmpeg', code, stderr.text()));
      report(100);
      resolve();
    });
  });
}

/** Runs ffprobe with JSON output and returns the parsed document (validate it at the call site). */
export function runFfprobeJson(args: readonly string[], options: { signal?: AbortSignal } = {}): Promise<unknown> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));

  const path = ffprobePath();
  return new Promise((resolve, reject) => {
    const child = spawn(path, ['-hide_banner', '-loglevel', 'error', '-of', 'json', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
      killSignal: 'SIGKILL',
    });
    const stdout: string[] = [];
    const stderr = new LineTail(STDERR_TAIL_LINES);
    let spawnError: unknown;

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => stdout.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => stderr.push(chunk));
    child.on('error', (error) => {
      spawnError = error;
    });

    child.on('close', (code) => {
      if (signal?.aborted) return reject(abortReason(signal));
      if (spawnError) return reject(missingBinaryError('ffprobe', path, spawnError));
      if (code !== 0) return reject(new FfmpegError('ffprobe', code, stderr.text()));
      try {
        resolve(JSON.parse(stdout.join('')));
      } catch (error) {
        reject(new Error('ffprobe printed output that is not JSON', { cause: error }));
      }
    });
  });
}
