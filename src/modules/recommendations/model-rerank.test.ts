import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../../test/support/fake-openai-server.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { publishReadyVideo } from '../feeds/feed-test-support.ts';
import { refreshTrending } from '../trending/refresh.ts';

interface Item {
  reason: string;
  source: string;
  video: { id: string; title: string };
}

const MODEL_REASON = 'A calm pick for a quiet evening';

for (const kind of testDatabaseKinds()) {
  describe(`recommendations re-ranked by a generator on ${kind}`, () => {
    let t: TestApp;
    let fake: FakeOpenAiServer;
    let viewer: TestAccount;
    const titles: string[] = [];

    before(async () => {
      fake = await startFakeOpenAiServer();
      // Each chat call costs 1000·$100/M + 500·$100/M = $0.15; a call is allowed while the viewer's spending is under
      // the $0.10 daily quota, so each viewer gets one.
      t = await startTestApp(kind, {
        TRENDING_CACHE_SECONDS: '0',
        AI_BASE_URL: fake.baseUrl,
        AI_GENERATION_MODEL: 'fake-chat',
        AI_TIMEOUT_MS: '3000',
        AI_PRICE_INPUT_PER_MTOK: '100',
        AI_PRICE_OUTPUT_PER_MTOK: '100',
        AI_USER_DAILY_QUOTA_USD: '0.1',
      });
      const creators = await createAccounts(t, 4, 'creator');
      [viewer] = (await createAccounts(t, 1)) as [TestAccount];
      const ids: string[] = [];
      for (const [index, creator] of creators.entries()) {
        const title = `Evening video ${index + 1}`;
        titles.push(title);
        ids.push(await publishReadyVideo(t, creator, { title, category: 'music' }));
      }
      for (const [index, id] of ids.entries())
        await sql`insert into trending_activity (video_id, bucket, views) values (${id}, now(), ${100 - index})`.execute(
          t.platform.database.db,
        );
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
    });
    after(async () => {
      await t?.close();
      await fake?.close();
    });

    const forYou = async (as: TestAccount) => {
      const response = await call(t, 'GET', '/recommendations?limit=10', as);
      assert.equal(response.statusCode, 200, response.body);
      return json(response).data as Item[];
    };

    test('the model orders the top of the list and words its reasons', async () => {
      // The model picks the ranker's last candidate first (numbers are the prompt's list positions).
      fake.chatAnswer = (messages) => {
        const listed = (messages.at(-1)?.content.match(/^\d+\. /gm) ?? []).length;
        return `Here you go:\n${JSON.stringify([
          { n: listed, reason: MODEL_REASON },
          { n: 1, reason: 'Popular with listeners' },
        ])}`;
      };
      const items = await forYou(viewer);
      const prompt = fake.requests.at(-1)!.body.messages as { content: string }[];
      for (const title of titles) assert.ok(prompt.at(-1)!.content.includes(title), `the prompt lists ${title}`);
      assert.equal(items[0]!.source, 'model');
      assert.equal(items[0]!.reason, MODEL_REASON);
      assert.equal(items[1]!.reason, 'Popular with listeners');
      assert.ok(
        items.slice(2).every((item) => item.source !== 'model' && item.reason.length > 0),
        'the rest keep the ranker reasons',
      );
      assert.equal(new Set(items.map((item) => item.video.id)).size, items.length);
    });

    test('a failing generator, or a spent quota, leaves the ranker order', async () => {
      const ranker = async () => {
        await t.services.recommendations.invalidate(viewer.id);
        const items = await forYou(viewer);
        assert.ok(items.length >= 4);
        assert.ok(
          items.every((item) => item.source !== 'model'),
          JSON.stringify(items.map((item) => item.source)),
        );
        assert.equal(items[0]!.reason, 'Popular in Music');
        return items;
      };
      // The quota: the first test's call spent $0.15 of $0.10, so the next one is refused before it is sent.
      const sent = fake.requests.length;
      await ranker();
      assert.equal(fake.requests.length, sent, 'refused by the quota, never sent');

      const [other] = (await createAccounts(t, 1)) as [TestAccount];
      fake.behaviour = 'error';
      await t.services.recommendations.invalidate(other.id);
      const items = await forYou(other);
      assert.ok(fake.requests.length > sent, 'the generator was asked');
      assert.ok(items.every((item) => item.source !== 'model'));
      assert.equal(items[0]!.reason, 'Popular in Music');

      fake.behaviour = 'ok';
      fake.chatAnswer = () => 'I would rather not rank these.';
      const [third] = (await createAccounts(t, 1)) as [TestAccount];
      assert.ok(
        (await forYou(third)).every((item) => item.source !== 'model'),
        'an answer that is not JSON is ignored',
      );
    });
  });
}
