import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './csv.ts';
import { dailySessionHash } from './ingest-service.ts';
import { parseRange } from './query-service.ts';
import { classifyUserAgent } from './user-agent.ts';
import { DESKTOP_CHROME, IPHONE_SAFARI } from './analytics-test-support.ts';

describe('analytics building blocks', () => {
  test('session hashes are stable within a UTC day and change the next day; the client id is not in them', () => {
    const day = Date.UTC(2026, 11, 6, 1);
    const a = dailySessionHash('secret', 'tab-session-1', day);
    assert.equal(dailySessionHash('secret', 'tab-session-1', day + 3600_000 * 20), a);
    assert.notEqual(dailySessionHash('secret', 'tab-session-1', day + 86_400_000), a);
    assert.notEqual(dailySessionHash('other secret', 'tab-session-1', day), a);
    assert.ok(!a.includes('tab-session'));
  });

  test('user agents: device class and browser; crawlers are recognised', () => {
    assert.deepEqual(classifyUserAgent(DESKTOP_CHROME), { device: 'desktop', browser: 'Chrome', bot: false });
    assert.deepEqual(classifyUserAgent(IPHONE_SAFARI), { device: 'mobile', browser: 'Safari', bot: false });
    assert.equal(
      classifyUserAgent('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)').bot,
      true,
    );
    assert.deepEqual(classifyUserAgent(undefined), { device: 'other', browser: 'unknown', bot: false });
  });

  test('CSV: RFC 4180 quoting and no spreadsheet formulas', () => {
    const csv = toCsv([{ a: 'plain', b: 'with, comma', c: 'say "hi"', d: '=HYPERLINK("x")', e: -3, f: null }]);
    assert.equal(csv, 'a,b,c,d,e,f\r\nplain,"with, comma","say ""hi""","\'=HYPERLINK(""x"")",-3,\r\n');
  });

  test('ranges: defaults, order, span limits', () => {
    const now = Date.UTC(2026, 11, 6);
    const fallback = parseRange({ granularity: 'day' }, now);
    assert.ok(
      !('error' in fallback) && fallback.to.getTime() === now && fallback.from.getTime() === now - 28 * 86_400_000,
    );
    assert.deepEqual(parseRange({ from: '2026-12-05', to: '2026-12-01', granularity: 'day' }, now), {
      error: { field: 'from', message: 'must be before `to`' },
    });
    assert.equal(
      (parseRange({ from: '2026-01-01', to: '2026-12-01', granularity: 'hour' }, now) as { error: { field: string } })
        .error.field,
      'granularity',
    );
  });
});
