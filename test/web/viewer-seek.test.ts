// Which of the player's `seeking` events are a viewer's seeks, as the analytics report them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isViewerSeek } from '../../web/src/player/viewer-seek.ts';

describe('viewer seeks', () => {
  test('a seek to where the playhead already was is none, playing or paused', () => {
    assert.equal(isViewerSeek(0, false), false);
    assert.equal(isViewerSeek(0, true), false);
    assert.equal(isViewerSeek(0.004, false), false);
    assert.equal(isViewerSeek(-0.004, true), false);
  });

  test("a small step forward while playing is the player's step over a gap, not the viewer's", () => {
    assert.equal(isViewerSeek(0.5, false), false);
    assert.equal(isViewerSeek(1.99, false), false);
  });

  test("the controls' steps, any step back and any move while paused are seeks", () => {
    assert.equal(isViewerSeek(5, false), true);
    assert.equal(isViewerSeek(2, false), true);
    assert.equal(isViewerSeek(-0.5, false), true);
    assert.equal(isViewerSeek(-10, false), true);
    assert.equal(isViewerSeek(0.5, true), true);
  });
});
