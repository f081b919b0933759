import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runFfmpeg } from './ffmpeg-binary.ts';

/** Side of the square RGB images image classifiers read (MobileNet's input). */
export const CLASSIFIER_SIZE = 224;

/** ffmpeg's scene score (0..1) above which a frame starts a new shot. */
const SCENE_CHANGE = 0.3;

/**
 * Where to look in a video: `count` evenly spaced times (the middle of equal slices, so never the black
 * first frame) plus the starts of new shots, dropping shot starts within a second of a time already taken.
 */
export function frameTimes(durationSeconds: number, count: number, sceneStarts: number[]): number[] {
  const even = Array.from({ length: count }, (_, index) => ((index + 0.5) * durationSeconds) / count);
  const times = [...even];
  for (const start of sceneStarts) {
    if (times.every((time) => Math.abs(time - start) >= 1)) times.push(start);
  }
  return times.sort((a, b) => a - b).map((time) => Math.round(time * 100) / 100);
}

/**
 * Starts of new shots (ffmpeg's scene detection on a small copy at 4 frames per second, so a long video
 * decodes quickly), the `limit` most marked ones.
 */
export async function sceneChanges(
  sourcePath: string,
  workDir: string,
  limit: number,
  signal?: AbortSignal,
): Promise<number[]> {
  if (limit <= 0) return [];
  const report = join(workDir, 'scenes.txt');
  await runFfmpeg(
    [
      '-i',
      sourcePath,
      '-an',
      '-vf',
      // A bare file name, written in workDir: a full path could hold characters the filter syntax reads (":").
      `fps=4,scale=160:-2,select='gt(scene,${SCENE_CHANGE})',metadata=print:file=scenes.txt`,
      '-f',
      'null',
      '-',
    ],
    { signal, cwd: workDir },
  );
  const text = await readFile(report, 'utf8').catch(() => '');
  const changes: { at: number; score: number }[] = [];
  let at: number | undefined;
  for (const line of text.split('\n')) {
    const time = /pts_time:([\d.]+)/.exec(line);
    if (time) at = Number(time[1]);
    const score = /lavfi\.scene_score=([\d.]+)/.exec(line);
    if (score && at !== undefined) changes.push({ at, score: Number(score[1]) });
  }
  return changes
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((change) => change.at);
}

/** One frame as a JPEG for people to look at (320 px wide), taken at `atSeconds`. */
export async function extractFrameJpeg(
  sourcePath: string,
  atSeconds: number,
  jpegPath: string,
  signal?: AbortSignal,
): Promise<void> {
  await runFfmpeg(
    ['-ss', String(atSeconds), '-i', sourcePath, '-frames:v', '1', '-vf', 'scale=320:-2', '-q:v', '3', jpegPath],
    { signal },
  );
}

/** Any image ffmpeg reads, as 224×224 RGB bytes (row-major, 3 bytes a pixel) for a classifier. */
export async function classifierPixels(imagePath: string, workDir: string, signal?: AbortSignal): Promise<Uint8Array> {
  const raw = join(workDir, 'pixels.rgb');
  await runFfmpeg(
    [
      '-i',
      imagePath,
      '-frames:v',
      '1',
      '-vf',
      `scale=${CLASSIFIER_SIZE}:${CLASSIFIER_SIZE}`,
      '-pix_fmt',
      'rgb24',
      '-f',
      'rawvideo',
      raw,
    ],
    { signal },
  );
  const bytes = await readFile(raw);
  if (bytes.length !== CLASSIFIER_SIZE * CLASSIFIER_SIZE * 3) throw new Error(`unexpected frame size ${bytes.length}`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
