// Pure helpers of the web app's AI pages: `?t=` parsing, the studio's time fields, the chapter playing now.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseStartTime } from '../../web/src/pages/watch/start-time.ts';
import { formatTime, parseTime } from '../../web/src/pages/studio/ai/time-input.ts';
import { chapterAt } from '../../web/src/player/chapters.ts';

describe('watch and studio time helpers', () => {
  test('?t= takes seconds, decimals and h/m/s forms, and refuses the rest', () => {
    assert.equal(parseStartTime('90'), 90);
    assert.equal(parseStartTime('90.5'), 90.5);
    assert.equal(parseStartTime('1m30s'), 90);
    assert.equal(parseStartTime('1h2m3s'), 3723);
    assert.equal(parseStartTime(null), undefined);
    assert.equal(parseStartTime(''), undefined);
    assert.equal(parseStartTime('soon'), undefined);
    assert.equal(parseStartTime('-5'), undefined);
  });

  test('studio times read "m:ss.s", "h:mm:ss" and plain seconds, and format back', () => {
    assert.equal(parseTime('1:05.5'), 65.5);
    assert.equal(parseTime('1:00:05'), 3605);
    assert.equal(parseTime('12.25'), 12.25);
    assert.ok(Number.isNaN(parseTime('1:5:5:5')));
    assert.ok(Number.isNaN(parseTime('abc')));
    assert.equal(formatTime(65.5), '1:05.5');
    assert.equal(formatTime(3), '0:03');
    assert.equal(parseTime(formatTime(125.4)), 125.4);
  });

  test('the chapter playing is the last one started', () => {
    const chapters = [
      { title: 'Bread', startSeconds: 0 },
      { title: 'Bicycle', startSeconds: 20 },
      { title: 'Planets', startSeconds: 41.5 },
    ];
    assert.equal(chapterAt(chapters, 0)?.title, 'Bread');
    assert.equal(chapterAt(chapters, 19.9)?.title, 'Bread');
    assert.equal(chapterAt(chapters, 20)?.title, 'Bicycle');
    assert.equal(chapterAt(chapters, 500)?.title, 'Planets');
    assert.equal(chapterAt([], 5), undefined);
  });
});
