import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planLadder, type Rendition, type VideoRendition } from './ladder.ts';
import { ffmpegFrameRate, outputFps } from './frame-rate.ts';
import { pickH264Level } from './h264-level.ts';

const source = { width: 1920, height: 1080, fps: 30, hasVideo: true, hasAudio: true };

function videoRungs(renditions: Rendition[]): VideoRendition[] {
  return renditions.map((rendition) => {
    assert.equal(rendition.kind, 'video');
    return rendition as VideoRendition;
  });
}

function sizes(renditions: Rendition[]): string[] {
  return videoRungs(renditions).map((rendition) => `${rendition.name} ${rendition.width}x${rendition.height}`);
}

describe('planLadder', () => {
  test('a 1080p landscape source gets every rung, 16:9 and even', () => {
    assert.deepEqual(sizes(planLadder(source)), [
      '240p 426x240',
      '360p 640x360',
      '480p 854x480',
      '720p 1280x720',
      '1080p 1920x1080',
    ]);
  });

  test('rungs never exceed the source', () => {
    assert.deepEqual(sizes(planLadder({ ...source, width: 640, height: 360 })), ['240p 426x240', '360p 640x360']);
    assert.deepEqual(sizes(planLadder({ ...source, width: 3840, height: 2160 })).at(-1), '1080p 1920x1080');
  });

  test('portrait sources apply the rung to the short side', () => {
    assert.deepEqual(sizes(planLadder({ ...source, width: 720, height: 1280 })), [
      '240p 240x426',
      '360p 360x640',
      '480p 480x854',
      '720p 720x1280',
    ]);
  });

  test('odd dimensions become even without exceeding the source', () => {
    assert.deepEqual(sizes(planLadder({ ...source, width: 427, height: 241 })), ['240p 426x240']);
    assert.deepEqual(sizes(planLadder({ ...source, width: 641, height: 361 })), ['240p 426x240', '360p 640x360']);
  });

  test('a source smaller than the lowest rung gets one rendition at its own even size', () => {
    assert.deepEqual(sizes(planLadder({ ...source, width: 100, height: 60 })), ['60p 100x60']);
    assert.deepEqual(sizes(planLadder({ ...source, width: 101, height: 61 })), ['60p 100x60']);
    assert.deepEqual(sizes(planLadder({ ...source, width: 1, height: 1 })), ['2p 2x2']);
  });

  test('rate control fields are consistent', () => {
    for (const rendition of videoRungs(planLadder(source))) {
      assert.ok(rendition.maxrate >= rendition.videoBitrate);
      assert.ok(rendition.bufsize >= rendition.maxrate);
      assert.ok(rendition.bandwidth > rendition.maxrate + (rendition.audioBitrate ?? 0));
      assert.match(rendition.codecs, /^avc1\.6400[0-9a-f]{2},mp4a\.40\.2$/);
    }
  });

  test('codec strings carry the level libx264 is told to use', () => {
    const [low, , , hd, fullHd] = videoRungs(planLadder(source));
    assert.equal(low?.h264Level, '3.0');
    assert.equal(low?.codecs, 'avc1.64001e,mp4a.40.2');
    assert.equal(hd?.h264Level, '3.1');
    assert.equal(hd?.codecs, 'avc1.64001f,mp4a.40.2');
    assert.equal(fullHd?.h264Level, '4.0');
    assert.equal(fullHd?.codecs, 'avc1.640028,mp4a.40.2');
  });

  test('without audio the variants are video only', () => {
    for (const rendition of videoRungs(planLadder({ ...source, hasAudio: false }))) {
      assert.equal(rendition.audioBitrate, null);
      assert.match(rendition.codecs, /^avc1\.6400[0-9a-f]{2}$/);
    }
  });

  test('audio-only sources get one AAC rendition', () => {
    assert.deepEqual(planLadder({ width: 0, height: 0, fps: 0, hasVideo: false, hasAudio: true }), [
      { kind: 'audio', name: 'audio', audioBitrate: 128_000, codecs: 'mp4a.40.2', bandwidth: 140_800 },
    ]);
  });

  test('high frame rates keep their rate up to 60 and get more bits', () => {
    const [at60] = videoRungs(planLadder({ ...source, fps: 60 }));
    const [at30] = videoRungs(planLadder(source));
    assert.equal(at60?.fps, 60);
    assert.ok((at60?.videoBitrate ?? 0) > (at30?.videoBitrate ?? 0));
    assert.equal(videoRungs(planLadder({ ...source, fps: 120 }))[0]?.fps, 60);
  });
});

describe('outputFps', () => {
  test('keeps the source rate up to 60, caps above and falls back when unknown', () => {
    assert.equal(outputFps(25), 25);
    assert.equal(outputFps(240), 60);
    assert.equal(outputFps(0), 30);
    assert.equal(outputFps(Number.NaN), 30);
  });

  test('keeps NTSC rates exact and snaps variable-rate averages to whole numbers', () => {
    assert.equal(outputFps(30_000 / 1001), 29.97);
    assert.equal(ffmpegFrameRate(outputFps(30_000 / 1001)), '30000/1001');
    assert.equal(ffmpegFrameRate(outputFps(24_000 / 1001)), '24000/1001');
    assert.equal(outputFps(45.251), 45);
    assert.equal(ffmpegFrameRate(45), '45');
    assert.equal(outputFps(0.5), 1);
  });
});

describe('pickH264Level', () => {
  test('chooses the lowest level that fits size, macroblock rate and bitrate', () => {
    assert.equal(pickH264Level(640, 360, 30, 880_000).name, '3.0');
    assert.equal(pickH264Level(1280, 720, 60, 4_620_000).name, '3.2');
    assert.equal(pickH264Level(1920, 1080, 60, 8_250_000).name, '4.2');
    assert.equal(pickH264Level(640, 360, 30, 20_000_000).name, '3.2');
  });
});
