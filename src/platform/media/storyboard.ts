import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runFfmpeg } from './ffmpeg-binary.ts';
import type { MediaInfo } from './probe.ts';

export const STORYBOARD_IMAGE = 'storyboard.jpg';
export const STORYBOARD_VTT = 'storyboard.vtt';

export interface StoryboardOptions {
  input: string;
  outputDir: string;
  info: MediaInfo;
  signal?: AbortSignal;
}

export interface StoryboardResult {
  /** File names inside the output directory. */
  image: string;
  vtt: string;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  rows: number;
  tileCount: number;
  intervalSeconds: number;
}

const TILE_WIDTH = 160;
const MAX_COLUMNS = 10;
const MAX_TILES = 100;
const TILES_DIR = '.storyboard-tiles';

/** Whole seconds between tiles, as few as possible while keeping the sprite to MAX_TILES. */
export function storyboardInterval(durationSeconds: number): number {
  return Math.max(1, Math.ceil(durationSeconds / MAX_TILES));
}

function vttTimestamp(seconds: number): string {
  const milliseconds = Math.round(seconds * 1000);
  const hours = Math.floor(milliseconds / 3_600_000);
  const minutes = Math.floor(milliseconds / 60_000) % 60;
  const secs = Math.floor(milliseconds / 1000) % 60;
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}.${pad(milliseconds % 1000, 3)}`;
}

/** WebVTT thumbnail track: tile k covers [k * interval, (k + 1) * interval), the last one runs to the end. */
export function renderStoryboardVtt(layout: Omit<StoryboardResult, 'vtt'>, durationSeconds: number): string {
  const cues: string[] = ['WEBVTT', ''];
  for (let index = 0; index < layout.tileCount; index += 1) {
    const start = index * layout.intervalSeconds;
    const isLast = index === layout.tileCount - 1;
    const naturalEnd = isLast ? Math.max(durationSeconds, start) : start + layout.intervalSeconds;
    const end = naturalEnd > start ? naturalEnd : start + layout.intervalSeconds;
    const x = (index % layout.columns) * layout.tileWidth;
    const y = Math.floor(index / layout.columns) * layout.tileHeight;
    cues.push(
      `${vttTimestamp(start)} --> ${vttTimestamp(end)}`,
      `${layout.image}#xywh=${x},${y},${layout.tileWidth},${layout.tileHeight}`,
      '',
    );
  }
  return cues.join('\n');
}

/**
 * Writes storyboard.jpg (a grid of small frames, one every `interval` seconds) and storyboard.vtt for
 * seek-bar previews. Tiles are extracted first and counted, then assembled, so the VTT describes
 * exactly the tiles that exist even when the source is shorter or sparser than its header claims.
 */
export async function buildStoryboard(options: StoryboardOptions): Promise<StoryboardResult> {
  const { info, signal } = options;
  if (!info.hasVideo) throw new Error('a storyboard needs a video track');
  const input = resolve(options.input);
  const outputDir = resolve(options.outputDir);
  const tilesDir = join(outputDir, TILES_DIR);
  const intervalSeconds = storyboardInterval(info.durationSeconds);
  const tileHeight = Math.max(2, Math.round((TILE_WIDTH * info.height) / info.width / 2) * 2);

  await rm(tilesDir, { recursive: true, force: true });
  await mkdir(tilesDir, { recursive: true });
  try {
    const pickOnePerInterval = `select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,${intervalSeconds})'`;
    await runFfmpeg(
      [
        '-i',
        input,
        '-map',
        `0:${info.videoStreamIndex ?? 'v:0'}`,
        '-vf',
        `${pickOnePerInterval},scale=${TILE_WIDTH}:${tileHeight},setsar=1`,
        // Without passthrough the image muxer would duplicate frames to fill a constant rate.
        '-fps_mode',
        'passthrough',
        '-frames:v',
        String(MAX_TILES),
        '-q:v',
        '4',
        join(tilesDir, '%04d.jpg'),
      ],
      { signal },
    );
    const tileCount = (await readdir(tilesDir)).filter((name) => name.endsWith('.jpg')).length;
    if (tileCount === 0) throw new Error('ffmpeg could not decode any video frame for the storyboard');

    const columns = Math.min(MAX_COLUMNS, tileCount);
    const rows = Math.ceil(tileCount / columns);
    await runFfmpeg(
      [
        '-framerate',
        '1',
        '-i',
        join(tilesDir, '%04d.jpg'),
        '-vf',
        `tile=${columns}x${rows}`,
        '-frames:v',
        '1',
        '-q:v',
        '4',
        join(outputDir, STORYBOARD_IMAGE),
      ],
      { signal },
    );

    const layout = {
      image: STORYBOARD_IMAGE,
      tileWidth: TILE_WIDTH,
      tileHeight,
      columns,
      rows,
      tileCount,
      intervalSeconds,
    };
    await writeFile(join(outputDir, STORYBOARD_VTT), renderStoryboardVtt(layout, info.durationSeconds));
    return { ...layout, vtt: STORYBOARD_VTT };
  } finally {
    await rm(tilesDir, { recursive: true, force: true });
  }
}
