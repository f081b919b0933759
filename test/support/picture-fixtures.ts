// Pictures for image moderation tests and the bench, made here at test time (nothing binary is committed).
// No picture that may be made here is explicit, so none should score as porn; the nearest found is a
// smooth grid of a dark skin tone, which nsfwjs puts at about 0.5 "porn" (a bias worth knowing, see
// docs/AI.md) where ffmpeg's test pattern scores under 0.05. Tests that need a flagged frame set the
// threshold between the two, and docs/AI.md says what this can and cannot show.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ffmpeg = (args: string[]) => run('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args]);

/** A deterministic pseudo-random sequence (so every run makes the same pictures). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Skin tones from light to dark (RGB), around which a grid's cells vary. */
export const SKIN_TONES = [
  [241, 194, 170],
  [224, 172, 150],
  [217, 160, 122],
  [198, 134, 66],
  [141, 85, 36],
] as const;

export interface SkinGrid {
  /** Index into SKIN_TONES. */
  tone: number;
  seed: number;
  /** How far (±spread/2) each cell's channels stray from the tone. */
  spread: number;
}

/** The grid that scored highest of those tried (porn 0.51 at 224×224): a 16×16 grid of the darkest tone. */
export const FLAGGED_GRID: SkinGrid = { tone: 4, seed: 4, spread: 40 };

/**
 * A 16×16 grid of skin tones, bilinearly smoothed to width×height, as a binary PPM image (which ffmpeg
 * reads): no shapes, no people, only colour.
 */
export function skinGridPpm(width: number, height: number, { tone, seed, spread }: SkinGrid): Buffer {
  const size = 16;
  const next = random(seed);
  const base = SKIN_TONES[tone]!;
  const cells = Array.from({ length: size * size * 3 }, (_, index) => base[index % 3]! + (next() - 0.5) * spread);
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const gx = (x / (width - 1)) * (size - 1);
      const gy = (y / (height - 1)) * (size - 1);
      const [x0, y0] = [Math.floor(gx), Math.floor(gy)];
      const [x1, y1] = [Math.min(size - 1, x0 + 1), Math.min(size - 1, y0 + 1)];
      const [fx, fy] = [gx - x0, gy - y0];
      for (let channel = 0; channel < 3; channel++) {
        const at = (cx: number, cy: number) => cells[(cy * size + cx) * 3 + channel]!;
        const value =
          (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
        pixels[(y * width + x) * 3 + channel] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  return Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`), pixels]);
}

/** A landscape-like picture: sky, a wavy horizon and a field, colours and waves picked by `seed`. */
export function landscapeSource(seed: number, size = '320x180'): string {
  const next = random(seed);
  const wave = (20 + next() * 40).toFixed(1);
  const height = (60 + next() * 60).toFixed(0);
  const sky = [90 + next() * 60, 150 + next() * 60, 220 + next() * 35].map(Math.round);
  const field = [30 + next() * 60, 100 + next() * 80, 30 + next() * 50].map(Math.round);
  const pick = (channel: number) => `if(lt(Y,${height}+15*sin(X/${wave})),${sky[channel]},${field[channel]}+Y/6)`;
  return `nullsrc=s=${size},geq=r='${pick(0)}':g='${pick(1)}':b='${pick(2)}'`;
}

/**
 * A 320×180 clip: ffmpeg's test pattern, with the skin-tone grid on screen from `gridFrom` for
 * `gridSeconds`. Returns the path; the grid's frames are the ones image moderation should flag.
 */
export async function makeClipWithSkinGrid(
  dir: string,
  { seconds, gridFrom, gridSeconds }: { seconds: number; gridFrom: number; gridSeconds: number },
): Promise<string> {
  const grid = join(dir, 'skin-grid.ppm');
  await writeFile(grid, skinGridPpm(320, 180, FLAGGED_GRID));
  const output = join(dir, 'skin-grid-clip.mp4');
  const until = gridFrom + gridSeconds;
  await ffmpeg([
    ...['-f', 'lavfi', '-i', `testsrc2=s=320x180:r=15:d=${seconds}`],
    ...['-loop', '1', '-i', grid],
    ...['-f', 'lavfi', '-i', `sine=f=330:d=${seconds}`],
    ...['-filter_complex', `[1]format=yuv420p[g];[0][g]overlay=enable='between(t,${gridFrom},${until})':shortest=1[v]`],
    ...['-map', '[v]', '-map', '2:a', '-t', String(seconds)],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', output],
  ]);
  return output;
}
