import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startWorkers } from '../../workers.ts';
import { createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { createReadyVideo } from '../views/engagement-test-support.ts';
import { drainAnalytics, IPHONE_SAFARI, sendBatch } from './analytics-test-support.ts';

const session = () => randomUUID().replaceAll('-', '');
const now = () => Date.now();

for (const kind of testDatabaseKinds()) {
  describe(`analytics event intake on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    let otherCreator: TestAccount;
    let videoId: string;
    before(async () => {
      t = await startTestApp(kind, { ANALYTICS_COUNTRY_HEADER: 'CF-IPCountry', ANALYTICS_BATCHES_PER_MINUTE: '12' });
      startWorkers(t.platform, t.services);
      const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      [otherCreator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      videoId = await createReadyVideo(t, creator.token, { durationSeconds: 100 });
    });
    after(async () => {
      await t.close();
    });

    test('validation: unknown types, missing fields, impossible positions, too many or too old events get a 400 naming the field', async () => {
      const cases: [object[], string][] = [
        [[{ type: 'teleport', at: now() }], 'events.0.type'],
        [[{ type: 'heartbeat', at: now(), position: 10 }], 'events.0.from'],
        [[{ type: 'heartbeat', at: now(), position: 10, from: 20, secondsPlayed: 5 }], 'events.0.from'],
        [[{ type: 'play', at: now(), position: -1 }], 'events.0.position'],
        [
          [
            { type: 'play', at: now(), position: 0 },
            { type: 'heartbeat', at: now(), from: 90, position: 150, secondsPlayed: 60 },
          ],
          'events.1.position',
        ],
        [[{ type: 'play', at: now() - 25 * 3600_000, position: 0 }], 'events.0.at'],
        [Array.from({ length: 101 }, () => ({ type: 'play', at: now(), position: 0 })), 'events'],
        [[], 'events'],
      ];
      for (const [events, field] of cases) {
        const response = await sendBatch(t, session(), videoId, events);
        assert.equal(response.statusCode, 400, `${field}: ${response.body}`);
        const fields = (json(response).error.details as { field: string }[]).map((detail) => detail.field);
        assert.ok(fields.includes(field), `expected ${field} in ${JSON.stringify(fields)}`);
      }
      const badSession = await t.app.inject({
        method: 'POST',
        url: '/api/v1/analytics/events',
        payload: { sessionId: 'x', videoId, sentAt: now(), events: [{ type: 'play', at: now(), position: 0 }] },
      });
      assert.equal(badSession.statusCode, 400);
      assert.equal(
        (await sendBatch(t, session(), randomUUID(), [{ type: 'play', at: now(), position: 0 }])).statusCode,
        404,
      );
    });

    test('clock skew is corrected with the receive time; country from the trusted header; no IP or raw session id stored', async () => {
      const id = session();
      const otherVideo = await createReadyVideo(t, otherCreator.token, { durationSeconds: 30 });
      const clientClock = now() + 3600_000; // the client's clock runs an hour fast
      const response = await sendBatch(
        t,
        id,
        otherVideo,
        [{ type: 'play', at: clientClock - 10_000, position: 0, durationMs: 300 }],
        {
          sentAt: clientClock,
          headers: { 'cf-ipcountry': 'de', 'x-forwarded-for': '203.0.113.9' },
          userAgent: IPHONE_SAFARI,
        },
      );
      assert.equal(response.statusCode, 202, response.body);
      assert.equal(json(response).data.accepted, 1);
      await drainAnalytics(t);
      const rows = await sql<
        Record<string, unknown>
      >`select * from analytics_events where video_id = ${otherVideo}`.execute(t.platform.database.db);
      assert.equal(rows.rows.length, 1);
      const row = rows.rows[0]!;
      const age = now() - new Date(row.occurred_at as string).getTime();
      assert.ok(age >= 9_000 && age < 20_000, `corrected to ~10 s ago, got ${age} ms`);
      assert.equal(row.country, 'DE');
      assert.equal(row.device, 'mobile');
      assert.equal(row.browser, 'Safari');
      assert.notEqual(row.session_id, id);
      assert.ok(!JSON.stringify(row).includes('203.0.113.9'), 'no IP address anywhere in the row');
    });

    test('rate limited per session; anonymous batches are accepted', async () => {
      const id = session();
      const other = await createReadyVideo(t, otherCreator.token, { durationSeconds: 30 });
      // All at once, so the bucket (12, refilled at 12 a minute) cannot refill in between on a slow machine.
      const statuses = (
        await Promise.all(Array.from({ length: 16 }, () => sendBatch(t, id, other, [{ type: 'error', at: now() }])))
      ).map((response) => response.statusCode);
      const accepted = statuses.filter((status) => status === 202).length;
      assert.ok(accepted >= 12 && accepted <= 13, `12 accepted (13 if a token came back meanwhile), got ${accepted}`);
      assert.equal(statuses.filter((status) => status === 429).length, 16 - accepted);
      assert.equal(
        (await sendBatch(t, session(), other, [{ type: 'error', at: now() }])).statusCode,
        202,
        'another session has its own bucket',
      );
    });
  });
}
