// Timestamps in a video's description or a comment, which the watch page turns into links that seek there.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitTimestamps } from '../../web/src/player/text-timestamps.ts';

const links = (text: string, duration: number | null) =>
  splitTimestamps(text, duration)
    .filter((part) => part.seconds !== undefined)
    .map((part) => [part.text, part.seconds]);

describe('timestamps in text', () => {
  test('a chapter list: each line start becomes a link to its second', () => {
    const text = 'Chapters:\n0:00 Intro\n4:05 Filters\n1:02:03 Questions';
    assert.deepEqual(links(text, 4000), [
      ['0:00', 0],
      ['4:05', 245],
      ['1:02:03', 3723],
    ]);
    // The text around them is kept whole, in order.
    assert.equal(
      splitTimestamps(text, 4000)
        .map((part) => part.text)
        .join(''),
      text,
    );
  });

  test('times past the end, or before the duration is known, stay text', () => {
    assert.deepEqual(links('see 0:10 and 12:00', 60), [['0:10', 10]]);
    assert.deepEqual(links('see 0:10', null), []);
    assert.deepEqual(splitTimestamps('see 0:10', null), [{ text: 'see 0:10' }]);
  });

  test('not timestamps: longer clocks, decimals, ratios, seconds over 59, a bare number', () => {
    assert.deepEqual(links('at 10:30:45:12, v1.2:30, 3:75, 16:9 screens, 2024', 100_000), []);
  });

  test('a timestamp in brackets or after punctuation is found', () => {
    assert.deepEqual(links('(1:30) and, 2:00.', 600), [
      ['1:30', 90],
      ['2:00', 120],
    ]);
  });
});
