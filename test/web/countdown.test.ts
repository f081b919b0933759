// The live page's countdown to a scheduled stream.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatCountdown } from '../../web/src/live/countdown.ts';

describe('stream countdown', () => {
  test('under a day it is a clock', () => {
    assert.equal(formatCountdown(0), '0:00:00');
    assert.equal(formatCountdown(59.6), '0:01:00');
    assert.equal(formatCountdown(3599), '0:59:59');
    assert.equal(formatCountdown(86_399), '23:59:59');
  });

  test('days are spelled out before the clock', () => {
    assert.equal(formatCountdown(86_400), '1 day 0:00:00');
    assert.equal(formatCountdown(2 * 86_400 + 3 * 3600 + 4 * 60 + 5), '2 days 3:04:05');
  });

  test('a time already past shows zero, not a negative clock', () => {
    assert.equal(formatCountdown(-5), '0:00:00');
  });
});
