/**
 * Image moderation precision and recall on pictures made here: skin-tone grids (labelled "flag") vs landscapes and test patterns.
 *
 * No explicit picture may be made here, so the "flag" label means only "a screen full of skin tones"
 * (smooth 16×16 grids of five tones, test/support/picture-fixtures.ts) and the others are ffmpeg
 * landscapes and test patterns. This measures how nsfwjs treats skin colour without content, not how
 * well it finds nudity; docs/AI.md says so. Prints precision/recall at several thresholds, the scores
 * per tone, and ms per picture with the load average.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { classifyImages, unsafeScore } from '../src/platform/ai/local/image-moderation.ts';
import { classifierPixels } from '../src/platform/media/frame-sampling.ts';
import { landscapeSource, SKIN_TONES, skinGridPpm } from '../test/support/picture-fixtures.ts';

const run = promisify(execFile);
const PER_KIND = 20;
const dir = await mkdtemp(join(tmpdir(), 'streamhub-bench-images-'));
try {
  const labelled: { path: string; flag: boolean; kind: string }[] = [];
  for (let index = 0; index < PER_KIND; index++) {
    const tone = index % SKIN_TONES.length;
    const grid = join(dir, `grid-${index}.ppm`);
    await writeFile(grid, skinGridPpm(320, 180, { tone, seed: index + 1, spread: index % 2 ? 80 : 40 }));
    labelled.push({ path: grid, flag: true, kind: `skin tone ${tone}` });
    const landscape = join(dir, `landscape-${index}.png`);
    const source = index % 4 === 3 ? `testsrc2=s=320x180:d=1` : landscapeSource(index + 1);
    await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, '-frames:v', '1', landscape]);
    labelled.push({ path: landscape, flag: false, kind: index % 4 === 3 ? 'test pattern' : 'landscape' });
  }
  const pixels: Uint8Array[] = [];
  for (const item of labelled) pixels.push(await classifierPixels(item.path, dir));
  await classifyImages(pixels.slice(0, 1)); // loading the model is not part of the per-picture time
  const started = performance.now();
  const scores = (await classifyImages(pixels))!;
  const msPerPicture = (performance.now() - started) / pixels.length;
  const unsafe = scores.map(unsafeScore);
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log(`${labelled.length} pictures, ${msPerPicture.toFixed(0)} ms each (WebAssembly backend)  load ${load}`);
  for (const threshold of [0.7, 0.5, 0.3, 0.1]) {
    const flagged = labelled.map((_, index) => unsafe[index]! >= threshold);
    const truePositives = flagged.filter((hit, index) => hit && labelled[index]!.flag).length;
    const positives = labelled.filter((item) => item.flag).length;
    const predicted = flagged.filter(Boolean).length;
    const precision = predicted ? truePositives / predicted : 1;
    console.log(
      `threshold ${threshold}: precision ${(precision * 100).toFixed(0)}%, recall ${((truePositives / positives) * 100).toFixed(0)}% (${predicted} flagged)`,
    );
  }
  const byKind = new Map<string, number[]>();
  labelled.forEach((item, index) => byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), unsafe[index]!]));
  for (const [kind, values] of [...byKind].sort()) {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    console.log(`  ${kind.padEnd(13)} mean unsafe ${mean.toFixed(3)}, max ${Math.max(...values).toFixed(3)}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
