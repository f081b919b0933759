// Pictures for custom-thumbnail tests, made with ffmpeg at test time (nothing binary is committed).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FLAGGED_GRID, landscapeSource, skinGridPpm } from './picture-fixtures.ts';

const run = promisify(execFile);

/** A landscape picture of `size` (e.g. '1280x720') in the format its extension names (.jpg, .png, .webp). */
export async function landscapePicture(dir: string, name: string, size: string, seed = 1): Promise<Buffer> {
  const output = join(dir, name);
  await run(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', landscapeSource(seed, size)].concat([
      '-frames:v',
      '1',
      output,
    ]),
  );
  return readFile(output);
}

/** The dark skin-tone grid image moderation scores highest (see picture-fixtures.ts), as a 1280×720 PNG. */
export async function flaggedPicturePng(dir: string): Promise<Buffer> {
  const ppm = join(dir, 'flagged.ppm');
  const output = join(dir, 'flagged.png');
  await writeFile(ppm, skinGridPpm(1280, 720, FLAGGED_GRID));
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', ppm, output]);
  return readFile(output);
}
