import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeMusicWav, makeSpeechAfterMusic } from '../../../../test/support/sound-fixtures.ts';
import { localModelStatuses } from './lazy-model.ts';
import { cutToRegions, DEFAULT_REGION_OPTIONS, originalTime, speechRegions } from './speech-regions.ts';
import { detectSpeech } from './voice-activity.ts';

const options = { ...DEFAULT_REGION_OPTIONS, windowSeconds: 0.1 };

describe('speech regions from window probabilities', () => {
  test('short pauses stay inside a region, long ones split it; bursts are dropped; regions are padded', () => {
    // 0-1 s silence, 1-2 s speech, 0.3 s dip, 2.3-3 s speech, 1 s silence, 4-4.3 s burst, silence.
    const p = [
      ...Array(10).fill(0.05),
      ...Array(10).fill(0.9),
      ...Array(3).fill(0.1),
      ...Array(7).fill(0.8),
      ...Array(10).fill(0.1),
      ...Array(3).fill(0.95),
      ...Array(9).fill(0.02),
    ];
    const regions = speechRegions(p, options);
    assert.equal(regions.length, 1);
    assert.ok(Math.abs(regions[0]!.startSeconds - 0.8) < 1e-9);
    assert.ok(Math.abs(regions[0]!.endSeconds - 3.2) < 1e-9);
    assert.deepEqual(speechRegions(Array(50).fill(0.2), options), []);
  });

  test('cut audio keeps only the regions, and its times map back onto the original timeline', () => {
    const rate = 10;
    const samples = Int16Array.from({ length: 100 }, (_, index) => index);
    const regions = [
      { startSeconds: 2, endSeconds: 3 },
      { startSeconds: 7, endSeconds: 8.5 },
    ];
    const cut = cutToRegions(samples, rate, regions, 0.5);
    // 1 s + 0.5 s gap + 1.5 s + 0.5 s gap
    assert.equal(cut.samples.length, 35);
    assert.equal(cut.samples[0], 20);
    assert.equal(cut.samples[15], 70);
    assert.equal(originalTime(0.5, cut.pieces, 'start'), 2.5);
    assert.equal(originalTime(2, cut.pieces, 'start'), 7.5);
    // In the gap (1 s to 1.5 s in the cut audio): an utterance starting there belongs to the next piece,
    // one ending there to the piece before; neither may land in the 4 s the cut left out.
    assert.equal(originalTime(1.45, cut.pieces, 'start'), 7);
    assert.equal(originalTime(1.2, cut.pieces, 'end'), 3);
    // After the last piece there is no next one: both edges stay at its end.
    assert.equal(originalTime(3.4, cut.pieces, 'start'), 8.5);
    assert.equal(originalTime(3.4, cut.pieces, 'end'), 8.5);
  });
});

describe('Silero voice activity on generated audio', { timeout: 120_000 }, () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'streamhub-vad-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('music and noise hold no speech', async () => {
    const activity = await detectSpeech(await makeMusicWav(dir, 12));
    assert.ok(activity, 'the model loads');
    assert.ok(Math.abs(activity.audioSeconds - 12) < 0.1);
    assert.deepEqual(activity.regions, []);
    assert.equal(localModelStatuses()['silero-vad']?.state, 'loaded');
  });

  test('speech after music is found where it starts', async () => {
    const wav = await makeSpeechAfterMusic(dir, 'The weather today is sunny with a light wind from the west.', {
      musicSeconds: 8,
      silenceSeconds: 2,
    });
    const activity = await detectSpeech(wav);
    assert.ok(activity && activity.regions.length > 0);
    const first = activity.regions[0]!;
    assert.ok(first.startSeconds > 9.3 && first.startSeconds < 10.5, `speech starts at ${first.startSeconds}`);
    assert.ok(activity.regions.at(-1)!.endSeconds > 12);
  });
});
