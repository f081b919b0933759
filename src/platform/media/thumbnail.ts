import { rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { extractCoverImage } from './cover-art.ts';
import { runFfmpeg } from './ffmpeg-binary.ts';
import type { MediaInfo } from './probe.ts';

export interface PosterOptions {
  input: string;
  /** JPEG path to write. */
  output: string;
  info: MediaInfo;
  signal?: AbortSignal;
}

const POSTER_MAX_WIDTH = 1280;
/** Candidates are one per second over this window; `thumbnail` holds them all in memory at once. */
const WINDOW_SECONDS = 20;
/** Intros are often black or a logo card, so look a little way in. */
const START_FRACTION = 0.1;
/** A frame counts as black when this share of its pixels has luma under BLACK_LUMA. */
const BLACK_PERCENT = 90;
const BLACK_LUMA = 32;

const SCALE = `scale='min(${POSTER_MAX_WIDTH},iw)':-2`;
/** The first frame, then the first frame at least a second after the previous pick: works for 1-frame clips too. */
const ONE_PER_SECOND = "select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,1)'";

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.size > 0,
    () => false,
  );
}

/**
 * Writes a representative, non-black frame as the poster: among one frame per second of a window near
 * the start, drop mostly-black frames and let ffmpeg's `thumbnail` filter pick the frame closest to the
 * window's average colour histogram. Audio-only input gets its cover art or a waveform instead.
 */
export async function extractPoster(options: PosterOptions): Promise<void> {
  const { info, signal } = options;
  const input = resolve(options.input);
  const output = resolve(options.output);
  if (!info.hasVideo) {
    await extractCoverImage({ input, output, info, signal });
    return;
  }

  const window = Math.min(info.durationSeconds, WINDOW_SECONDS);
  const start = Math.max(0, Math.min(info.durationSeconds * START_FRACTION, info.durationSeconds - window));
  // The filter needs a batch of at least two; with fewer frames it picks from what arrived.
  const candidates = Math.max(2, Math.ceil(window));
  const pickFilters = [
    ONE_PER_SECOND,
    `blackframe=amount=0:threshold=${BLACK_LUMA}`,
    `metadata=mode=select:key=lavfi.blackframe.pblack:value=${BLACK_PERCENT}:function=less`,
    `thumbnail=${candidates}`,
    SCALE,
  ];
  const videoMap = ['-map', `0:${info.videoStreamIndex ?? 'v:0'}`];

  await rm(output, { force: true });
  await runFfmpeg(
    [
      '-ss',
      start.toFixed(3),
      '-t',
      window.toFixed(3),
      '-i',
      input,
      ...videoMap,
      '-vf',
      pickFilters.join(','),
      '-frames:v',
      '1',
      '-q:v',
      '3',
      output,
    ],
    { signal },
  );
  if (await exists(output)) return;

  // Every candidate was black (a dark video, or data missing past the seek point): take the first frame.
  await runFfmpeg(['-i', input, ...videoMap, '-vf', SCALE, '-frames:v', '1', '-q:v', '3', output], { signal });
  if (!(await exists(output))) throw new Error('ffmpeg could not decode a single video frame for the poster');
}
