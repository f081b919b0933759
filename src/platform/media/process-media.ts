import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { probeMedia, type MediaInfo } from './probe.ts';
import { buildStoryboard, STORYBOARD_IMAGE, STORYBOARD_VTT, type StoryboardResult } from './storyboard.ts';
import { extractPoster } from './thumbnail.ts';
import { transcodeToHls, type HlsResult } from './transcode.ts';

export const HLS_DIR = 'hls';
export const POSTER_IMAGE = 'poster.jpg';

export interface ProcessMediaOptions {
  input: string;
  /** Receives hls/, poster.jpg, storyboard.jpg and storyboard.vtt. */
  workDir: string;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

export interface ProcessedMedia {
  info: MediaInfo;
  /** Its paths are relative to `<workDir>/hls`. */
  hls: HlsResult;
  /** Relative to workDir. */
  poster: string;
  /** Null for audio-only input, which has nothing to preview. */
  storyboard: StoryboardResult | null;
  /** Every file written, relative to workDir: what to upload to storage. */
  files: string[];
}

/** Share of the overall percent each step gets: encoding dominates. */
const TRANSCODE_SHARE = 90;
const POSTER_DONE = 95;

/**
 * Probe, HLS ladder, poster and storyboard for one upload. Throws NotMediaError for non-media input;
 * on any failure what it wrote is removed, so a retry starts from a clean work directory.
 */
export async function processMedia(options: ProcessMediaOptions): Promise<ProcessedMedia> {
  const { onProgress, signal } = options;
  const workDir = resolve(options.workDir);
  const hlsDir = join(workDir, HLS_DIR);
  const posterPath = join(workDir, POSTER_IMAGE);

  const info = await probeMedia(options.input, { signal });
  await mkdir(workDir, { recursive: true });
  try {
    const hls = await transcodeToHls({
      input: options.input,
      outputDir: hlsDir,
      info,
      signal,
      onProgress: (percent) => onProgress?.((percent * TRANSCODE_SHARE) / 100),
    });

    if (hls.coverImage) await copyFile(join(hlsDir, hls.coverImage), posterPath);
    else await extractPoster({ input: options.input, output: posterPath, info, signal });
    onProgress?.(POSTER_DONE);

    const storyboard = info.hasVideo
      ? await buildStoryboard({ input: options.input, outputDir: workDir, info, signal })
      : null;
    onProgress?.(100);

    const files = [
      ...hls.files.map((file) => `${HLS_DIR}/${file}`),
      POSTER_IMAGE,
      ...(storyboard ? [storyboard.image, storyboard.vtt] : []),
    ];
    return { info, hls, poster: POSTER_IMAGE, storyboard, files };
  } catch (error) {
    await Promise.all(
      [HLS_DIR, POSTER_IMAGE, STORYBOARD_IMAGE, STORYBOARD_VTT].map((entry) =>
        rm(join(workDir, entry), { recursive: true, force: true }),
      ),
    );
    throw error;
  }
}
