import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { extractCoverImage } from './cover-art.ts';
import { runFfmpeg } from './ffmpeg-binary.ts';
import { buildHlsArgs } from './hls-ffmpeg-args.ts';
import { planLadder, type Rendition } from './ladder.ts';
import {
  mediaPlaylistDuration,
  renderMasterPlaylist,
  variantPlaylistPath,
  withNonZeroTargetDuration,
} from './hls-playlists.ts';
import type { MediaInfo } from './probe.ts';

export const MASTER_PLAYLIST = 'master.m3u8';
export const COVER_IMAGE = 'cover.jpg';

export interface TranscodeOptions {
  input: string;
  outputDir: string;
  info: MediaInfo;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

export interface HlsRendition {
  name: string;
  kind: 'video' | 'audio';
  /** Null for the audio-only rendition. */
  width: number | null;
  height: number | null;
  bandwidth: number;
  codecs: string;
  /** Media playlist path relative to the output directory, e.g. "720p/index.m3u8". */
  playlist: string;
}

export interface HlsResult {
  /** Relative to the output directory. */
  masterPlaylist: string;
  renditions: HlsRendition[];
  /** Measured from the written playlists, which can be shorter than the container claimed. */
  durationSeconds: number;
  /** Relative path of the cover picture made for audio-only input; null for video. */
  coverImage: string | null;
  /** Every file written, relative to the output directory, sorted. */
  files: string[];
}

async function listFiles(root: string, entry: string): Promise<string[]> {
  const path = join(root, entry);
  if (!(await stat(path)).isDirectory()) return [relative(root, path)];
  const children = await readdir(path);
  const nested = await Promise.all(children.map((child) => listFiles(root, join(entry, child))));
  return nested.flat();
}

/** Only what this function writes, so a retry into the same directory starts clean and nothing else is touched. */
function ownedEntries(renditions: readonly Rendition[], withCover: boolean): string[] {
  return [...renditions.map((rendition) => rendition.name), MASTER_PLAYLIST, ...(withCover ? [COVER_IMAGE] : [])];
}

async function removeEntries(outputDir: string, entries: readonly string[]): Promise<void> {
  await Promise.all(entries.map((entry) => rm(join(outputDir, entry), { recursive: true, force: true })));
}

/** Checks every media playlist is complete, repairs what players trip over, and returns the duration. */
async function finishMediaPlaylists(outputDir: string, renditions: readonly Rendition[]): Promise<number> {
  const durations = await Promise.all(
    renditions.map(async (rendition) => {
      const path = join(outputDir, variantPlaylistPath(rendition));
      const playlist = await readFile(path, 'utf8').catch(() => '');
      const duration = mediaPlaylistDuration(playlist);
      if (duration <= 0) throw new Error(`ffmpeg finished but wrote no playable segments for ${rendition.name}`);
      const repaired = withNonZeroTargetDuration(playlist);
      if (repaired !== playlist) await writeFile(path, repaired);
      return duration;
    }),
  );
  return Math.max(...durations);
}

function toHlsRendition(rendition: Rendition): HlsRendition {
  return {
    name: rendition.name,
    kind: rendition.kind,
    width: rendition.kind === 'video' ? rendition.width : null,
    height: rendition.kind === 'video' ? rendition.height : null,
    bandwidth: rendition.bandwidth,
    codecs: rendition.codecs,
    playlist: variantPlaylistPath(rendition),
  };
}

/**
 * Encodes the whole ladder in one ffmpeg process into `outputDir` (master.m3u8, <rung>/index.m3u8,
 * <rung>/seg_00001.ts, ...). On failure or abort the partial output is removed before rejecting.
 */
export async function transcodeToHls(options: TranscodeOptions): Promise<HlsResult> {
  const { info, onProgress, signal } = options;
  const input = resolve(options.input);
  const outputDir = resolve(options.outputDir);
  const renditions = planLadder(info);
  const withCover = !info.hasVideo;
  const owned = ownedEntries(renditions, withCover);

  await mkdir(outputDir, { recursive: true });
  await removeEntries(outputDir, owned);
  try {
    await runFfmpeg(buildHlsArgs(input, info, renditions), {
      cwd: outputDir,
      signal,
      durationSeconds: info.durationSeconds,
      onProgress: (percent) => {
        // 100 is reported once everything, including the master playlist, is on disk.
        if (percent < 100) onProgress?.(percent);
      },
    });
    const durationSeconds = await finishMediaPlaylists(outputDir, renditions);
    await writeFile(join(outputDir, MASTER_PLAYLIST), renderMasterPlaylist(renditions));
    if (withCover) await extractCoverImage({ input, output: join(outputDir, COVER_IMAGE), info, signal });

    const files = (await Promise.all(owned.map((entry) => listFiles(outputDir, entry)))).flat().sort();
    onProgress?.(100);
    return {
      masterPlaylist: MASTER_PLAYLIST,
      renditions: renditions.map(toHlsRendition),
      durationSeconds,
      coverImage: withCover ? COVER_IMAGE : null,
      files,
    };
  } catch (error) {
    await removeEntries(outputDir, owned);
    throw error;
  }
}
