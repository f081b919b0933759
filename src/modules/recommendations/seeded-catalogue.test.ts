import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bearer, json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { AccessTokenSigner } from '../../platform/security/jwt.ts';
import { deriveDiscovery } from '../seed/derive-discovery.ts';
import { resolveSeedOptions } from '../seed/options.ts';
import { seedCatalogue } from '../seed/seed.ts';

interface Item {
  reason: string;
  source: string;
  video: { id: string };
}

const OPTIONS = resolveSeedOptions({ users: 150, videos: 400, seed: 11 });

for (const kind of testDatabaseKinds()) {
  describe(`recommendations on a seeded catalogue on ${kind}`, () => {
    let t: TestApp;
    let cowatchPairs = 0;
    before(async () => {
      t = await startTestApp(kind);
      await seedCatalogue({ database: t.platform.database, storage: t.platform.storage }, OPTIONS);
      cowatchPairs = (await deriveDiscovery(t.platform.database.db, t.services)).cowatchPairs;
    });
    after(async () => {
      await t.close();
    });

    const forYou = async (token?: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/recommendations?limit=50',
        ...(token ? { headers: bearer(token) } : {}),
      });
      assert.equal(response.statusCode, 200, response.body);
      return json(response).data as Item[];
    };

    test('a seeded viewer gets personal recommendations with reasons, none of them already watched', async () => {
      assert.ok(cowatchPairs > 0, 'the seed derived co-watch pairs');
      // The viewer with the most history whose recent watches others also watched.
      const {
        rows: [viewer],
      } = await sql<{ id: string }>`
        select h.user_id as id from watch_history h
        join recommendation_cowatch c on c.video_id = h.video_id
        group by h.user_id order by count(*) desc, h.user_id limit 1`.execute(t.platform.database.db);
      const token = (
        await new AccessTokenSigner(t.platform.jwtSecret, 600).sign({ userId: viewer!.id, role: 'viewer' })
      ).token;
      const items = await forYou(token);
      assert.ok(items.length >= 10, `${items.length} recommendations`);
      assert.ok(items.every((item) => item.reason.length > 0));
      assert.ok(
        items.some((item) => item.source === 'cowatch' && item.reason.startsWith('Because you watched ')),
        JSON.stringify(items.map((item) => item.reason)),
      );
      const watched = await t.platform.database.db
        .selectFrom('watch_history')
        .select('video_id')
        .where('user_id', '=', viewer!.id)
        .execute();
      const listed = new Set(items.map((item) => item.video.id));
      assert.ok(
        watched.every((row) => !listed.has(row.video_id)),
        'nothing already watched',
      );
    });

    test('a guest gets trending and fresh uploads with reasons', async () => {
      const items = await forYou();
      assert.ok(items.length >= 10);
      assert.ok(items.every((item) => ['trending', 'fresh'].includes(item.source) && item.reason.length > 0));
      assert.ok(items.some((item) => item.reason.startsWith('Popular ')));
    });
  });
}
