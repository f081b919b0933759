import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, open, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeFixture, type FixtureKind } from '../../../test/support/media-fixtures.ts';
import {
  FfmpegError,
  NotMediaError,
  probeMedia,
  processMedia,
  runFfmpeg,
  transcodeToHls,
  type ProcessedMedia,
} from './index.ts';

const run = promisify(execFile);
let dir = '';
const fixtures = new Map<FixtureKind, Promise<string>>();

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'streamhub-media-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fixture(kind: FixtureKind): Promise<string> {
  let made = fixtures.get(kind);
  if (!made) {
    made = makeFixture(kind, dir);
    fixtures.set(kind, made);
  }
  return made;
}

// ---- independent checks: plain ffprobe/ffmpeg calls, not the code under test ----

interface Variant {
  attributes: Map<string, string>;
  uri: string;
}

function parseMasterPlaylist(text: string): Variant[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  assert.equal(lines[0], '#EXTM3U');
  const variants: Variant[] = [];
  lines.forEach((line, index) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const attributes = new Map<string, string>();
    for (const match of line.slice('#EXT-X-STREAM-INF:'.length).matchAll(/([A-Z-]+)=("[^"]*"|[^,]*)/g)) {
      attributes.set(match[1] ?? '', (match[2] ?? '').replace(/^"|"$/g, ''));
    }
    const uri = lines[index + 1];
    assert.ok(uri && !uri.startsWith('#'), `STREAM-INF without a URI: ${line}`);
    variants.push({ attributes, uri });
  });
  return variants;
}

interface ProbedStream {
  codec_type: string;
  width?: number;
  height?: number;
  profile?: string;
  level?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
}

async function ffprobe(path: string): Promise<{ streams: ProbedStream[]; format: { duration?: string } }> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-of', 'json', '-show_streams', '-show_format', path]);
  return JSON.parse(stdout);
}

/** Decodes every packet; ffmpeg at -v error prints nothing unless something is broken. */
async function assertDecodesCleanly(path: string): Promise<void> {
  const { stderr } = await run('ffmpeg', ['-v', 'error', '-i', path, '-f', 'null', '-']);
  assert.equal(stderr.trim(), '', `decoding ${path} reported errors`);
}

async function assertJpeg(path: string): Promise<{ width: number; height: number }> {
  const handle = await open(path, 'r');
  const { buffer } = await handle.read(Buffer.alloc(3), 0, 3, 0);
  await handle.close();
  assert.deepEqual([...buffer], [0xff, 0xd8, 0xff], `${path} is not a JPEG`);
  const video = (await ffprobe(path)).streams[0];
  assert.ok(video?.width && video.height);
  return { width: video.width, height: video.height };
}

const CUE = /^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;

function cueSeconds(parts: string[]): number {
  const [hours, minutes, seconds, milliseconds] = parts.map(Number);
  return (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0) + (milliseconds ?? 0) / 1000;
}

async function assertStoryboard(workDir: string, result: ProcessedMedia): Promise<void> {
  const storyboard = result.storyboard;
  assert.ok(storyboard);
  const sprite = await assertJpeg(join(workDir, storyboard.image));
  assert.equal(sprite.width, storyboard.columns * storyboard.tileWidth);
  assert.equal(sprite.height, storyboard.rows * storyboard.tileHeight);

  const vtt = await readFile(join(workDir, storyboard.vtt), 'utf8');
  const blocks = vtt.trim().split(/\n\n+/);
  assert.equal(blocks.shift(), 'WEBVTT');
  assert.equal(blocks.length, storyboard.tileCount);
  assert.ok(storyboard.tileCount >= 1);
  let previousEnd = 0;
  for (const block of blocks) {
    const [timing = '', target = ''] = block.split('\n');
    const times = CUE.exec(timing);
    assert.ok(times, `bad cue timing: ${timing}`);
    const start = cueSeconds(times.slice(1, 5));
    const end = cueSeconds(times.slice(5, 9));
    assert.ok(end > start && start >= previousEnd - 1e-9, `cues must be ordered: ${timing}`);
    previousEnd = end;
    const box = /^storyboard\.jpg#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(target);
    assert.ok(box, `bad cue target: ${target}`);
    const [x, y, w, h] = box.slice(1).map(Number) as [number, number, number, number];
    assert.ok(x + w <= sprite.width && y + h <= sprite.height, `tile outside the sprite: ${target}`);
  }
}

function assertProgress(percents: number[]): void {
  assert.ok(percents.length >= 2, 'expected intermediate progress and a final 100');
  assert.equal(percents.at(-1), 100);
  for (let index = 1; index < percents.length; index += 1) {
    assert.ok((percents[index] ?? 0) > (percents[index - 1] ?? 0), `progress went backwards: ${percents.join(', ')}`);
  }
  assert.ok(percents.every((percent) => percent >= 0 && percent <= 100));
}

interface Expectation {
  /** "name WxH" per video variant, or ["audio"]. */
  renditions: string[];
  hasAudio: boolean;
  /** Output frame rate every video variant must have. */
  fps?: string;
  /** Size of the cover picture for audio-only input. */
  cover?: string;
}

const landscapeLadder = ['240p 426x240', '360p 640x360'];
const portraitLadder = ['240p 240x426', '360p 360x640'];

const successKinds: Partial<Record<FixtureKind, Expectation>> = {
  landscape: { renditions: landscapeLadder, hasAudio: true, fps: '30/1' },
  portrait: { renditions: portraitLadder, hasAudio: true },
  noAudio: { renditions: landscapeLadder, hasAudio: false },
  audioOnly: { renditions: ['audio'], hasAudio: true, cover: '1280x720' },
  audioWithCover: { renditions: ['audio'], hasAudio: true, cover: '300x300' },
  oneFrame: { renditions: landscapeLadder, hasAudio: false },
  oddDimensions: { renditions: ['240p 426x240'], hasAudio: true },
  vfr: { renditions: landscapeLadder, hasAudio: true, fps: '45/1' },
  rotated: { renditions: portraitLadder, hasAudio: true },
  speech: { renditions: landscapeLadder, hasAudio: true },
};

async function assertVariant(
  hlsDir: string,
  variant: Variant,
  expected: Expectation,
  sourceDuration: number,
): Promise<void> {
  const playlist = join(hlsDir, variant.uri);
  await assertDecodesCleanly(playlist);
  const probed = await ffprobe(playlist);
  const duration = Number(probed.format.duration);
  assert.ok(Math.abs(duration - sourceDuration) <= 0.5, `${variant.uri} lasts ${duration}s, source ${sourceDuration}s`);

  const codecs = variant.attributes.get('CODECS') ?? '';
  const audio = probed.streams.find((stream) => stream.codec_type === 'audio');
  assert.equal(audio !== undefined, expected.hasAudio, `${variant.uri}: audio track presence`);
  assert.equal(codecs.includes('mp4a.40.2'), expected.hasAudio);

  const video = probed.streams.find((stream) => stream.codec_type === 'video');
  if (expected.renditions[0] === 'audio') {
    assert.equal(video, undefined);
    assert.equal(codecs, 'mp4a.40.2');
    return;
  }
  assert.ok(video);
  assert.equal(variant.attributes.get('RESOLUTION'), `${video.width}x${video.height}`);
  assert.equal(video.profile, 'High');
  assert.ok(
    codecs.startsWith(`avc1.6400${(video.level ?? 0).toString(16)}`),
    `${codecs} does not match level ${video.level}`,
  );
  // A lone frame has no average rate (0/0); anything longer must be constant-rate.
  if (video.avg_frame_rate !== '0/0')
    assert.equal(video.r_frame_rate, video.avg_frame_rate, 'output should be constant frame rate');
  if (expected.fps) assert.equal(video.r_frame_rate, expected.fps);
}

describe('processMedia on every kind of upload', () => {
  for (const [kind, expected] of Object.entries(successKinds) as [FixtureKind, Expectation][]) {
    test(kind, async () => {
      const input = await fixture(kind);
      const info = await probeMedia(input);
      const workDir = join(dir, `${kind}-out`);
      const percents: number[] = [];
      const result = await processMedia({ input, workDir, onProgress: (percent) => percents.push(percent) });

      assertProgress(percents);
      const hlsDir = join(workDir, 'hls');
      const variants = parseMasterPlaylist(await readFile(join(hlsDir, result.hls.masterPlaylist), 'utf8'));
      assert.deepEqual(
        variants.map((variant) => {
          const name = variant.uri.split('/')[0];
          return name === 'audio' ? name : `${name} ${variant.attributes.get('RESOLUTION')}`;
        }),
        expected.renditions,
      );
      for (const variant of variants) {
        assert.ok(Number(variant.attributes.get('BANDWIDTH')) > 0, 'BANDWIDTH');
        assert.ok(variant.attributes.get('CODECS'), 'CODECS');
        if (expected.renditions[0] !== 'audio') assert.ok(variant.attributes.get('RESOLUTION'), 'RESOLUTION');
        await assertVariant(hlsDir, variant, expected, info.durationSeconds);
      }
      assert.ok(Math.abs(result.hls.durationSeconds - info.durationSeconds) <= 0.5);

      const poster = await assertJpeg(join(workDir, result.poster));
      if (expected.cover) {
        assert.equal(`${poster.width}x${poster.height}`, expected.cover);
        assert.equal(result.storyboard, null);
      } else {
        await assertStoryboard(workDir, result);
      }

      const written = await Promise.all(result.files.map((file) => stat(join(workDir, file))));
      assert.ok(written.every((file) => file.isFile() && file.size > 0));
      assert.ok(result.files.some((file) => /^hls\/[^/]+\/seg_00001\.ts$/.test(file)));
    });
  }
});

describe('damaged and non-media input', () => {
  test('a truncated upload is either processed into playable output or rejected cleanly', async () => {
    const input = await fixture('truncated');
    const workDir = join(dir, 'truncated-out');
    try {
      const result = await processMedia({ input, workDir });
      for (const rendition of result.hls.renditions)
        await assertDecodesCleanly(join(workDir, 'hls', rendition.playlist));
      assert.ok(result.hls.durationSeconds > 0);
    } catch (error) {
      assert.ok(error instanceof NotMediaError || error instanceof FfmpegError, `unexpected ${String(error)}`);
      assert.deepEqual(await readdir(workDir).catch(() => []), []);
    }
  });

  test('a text file named .mp4 is NotMediaError and nothing is written', async () => {
    const input = await fixture('textAsMp4');
    await assert.rejects(
      probeMedia(input),
      (error) => error instanceof NotMediaError && /not a video or audio/i.test(error.message),
    );
    const workDir = join(dir, 'text-out');
    await assert.rejects(processMedia({ input, workDir }), NotMediaError);
    assert.deepEqual(await readdir(workDir).catch(() => []), []);
  });
});

describe('runFfmpeg', () => {
  test('an AbortSignal kills ffmpeg promptly', async () => {
    const controller = new AbortController();
    const started = Date.now();
    let abortedAt = 0;
    const running = runFfmpeg(
      ['-f', 'lavfi', '-i', 'testsrc2=s=1280x720:d=600', '-c:v', 'libx264', '-f', 'null', '-'],
      {
        signal: controller.signal,
        durationSeconds: 600,
        onProgress: () => {
          if (abortedAt) return;
          abortedAt = Date.now();
          controller.abort();
        },
      },
    );
    await assert.rejects(running, { name: 'AbortError' });
    assert.ok(abortedAt > 0, 'ffmpeg reported progress before the abort');
    assert.ok(Date.now() - abortedAt < 1000, `took ${Date.now() - abortedAt} ms to stop`);
    assert.ok(Date.now() - started < 10_000);
  });

  test('failures carry the tail of stderr', async () => {
    await assert.rejects(
      runFfmpeg(['-i', join(dir, 'does-not-exist.mp4'), '-f', 'null', '-']),
      (error) =>
        error instanceof FfmpegError && error.exitCode !== 0 && /No such file or directory/.test(error.stderrTail),
    );
  });

  test('a missing binary names the variable to set', async () => {
    const previous = process.env.FFMPEG_PATH;
    process.env.FFMPEG_PATH = join(dir, 'no-ffmpeg-here');
    try {
      await assert.rejects(runFfmpeg(['-version']), /FFMPEG_PATH/);
    } finally {
      if (previous === undefined) delete process.env.FFMPEG_PATH;
      else process.env.FFMPEG_PATH = previous;
    }
  });
});

describe('transcodeToHls', () => {
  test('an abort mid-encode rejects and removes the partial output', async () => {
    const input = await fixture('speech');
    const info = await probeMedia(input);
    const outputDir = join(dir, 'aborted-out');
    const controller = new AbortController();
    await assert.rejects(
      transcodeToHls({ input, outputDir, info, signal: controller.signal, onProgress: () => controller.abort() }),
      { name: 'AbortError' },
    );
    assert.deepEqual(await readdir(outputDir), []);
  });
});
