import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import type { DomainEvent } from '../../platform/events/event-bus.ts';
import { startWorkers } from '../../workers.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import type { CommentCreatedPayload } from '../comments/events.ts';
import { publishReadyVideo } from '../feeds/feed-test-support.ts';
import { KIND } from './builtin-kinds.ts';
import { pruneNotifications } from './retention.ts';
import { NotificationSources } from './sources.ts';

interface Listed {
  id: string;
  kind: string;
  text: string;
  link: string;
  count: number;
  read: boolean;
  thumbnailUrl: string | null;
}

for (const kind of testDatabaseKinds()) {
  describe(`notifications on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { NOTIFICATION_COLLAPSE_SECONDS: '600' });
      startWorkers(t.platform, t.services);
    });
    after(async () => {
      await t.close();
    });

    const module = () => t.services.notifications;
    const list = async (who: TestAccount, query = '') => {
      const response = await call(t, 'GET', `/notifications${query}`, who);
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as { data: Listed[]; meta: { nextCursor: string | null; unreadCount: number } };
    };
    const waitForList = (who: TestAccount, what: string, check: (items: Listed[]) => boolean) =>
      eventually(what, async () => {
        const page = await list(who);
        return check(page.data) ? page : undefined;
      });
    const username = async (account: TestAccount) =>
      (
        await t.platform.database.db
          .selectFrom('users')
          .select('username')
          .where('id', '=', account.id)
          .executeTakeFirstOrThrow()
      ).username;
    const subscribe = async (who: TestAccount, channel: TestAccount, notificationsEnabled = true) => {
      assert.equal((await call(t, 'POST', `/users/${channel.id}/subscribe`, who)).statusCode, 200);
      if (!notificationsEnabled)
        assert.equal(
          (await call(t, 'PUT', `/users/${channel.id}/subscription`, who, { notificationsEnabled })).statusCode,
          200,
        );
    };
    const comment = async (who: TestAccount, videoId: string, text: string, parentId?: string) => {
      const response = parentId
        ? await call(t, 'POST', `/comments/${parentId}/reply`, who, { text })
        : await call(t, 'POST', '/comments', who, { videoId, text });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().data as { id: string };
    };

    test('a new public video reaches subscribers with notifications on, collapsed when several arrive close together', async () => {
      const [channel, fan, quiet, stranger] = (await createAccounts(t, 4, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      await subscribe(fan, channel);
      await subscribe(quiet, channel, false);
      const first = await publishReadyVideo(t, channel, { title: 'First upload' });
      const page = await waitForList(fan, 'the new-video notification', (items) =>
        items.some((item) => item.kind === KIND.newVideo),
      );
      assert.equal(page.meta.unreadCount, 1);
      assert.equal(page.data[0]!.text, `${await username(channel)} uploaded: First upload`);
      assert.equal(page.data[0]!.link, `/watch/${first}`);
      // The channel owner hears that the upload is ready, and the first subscriber milestone.
      await waitForList(
        channel,
        "the owner's notifications",
        (items) =>
          items.some((item) => item.kind === KIND.videoReady) &&
          items.some((item) => item.kind === KIND.subscriberMilestone),
      );

      await publishReadyVideo(t, channel, { title: 'Second upload' });
      const third = await publishReadyVideo(t, channel, { title: 'Third upload' });
      const collapsed = await waitForList(fan, 'three videos collapsed into one row', (items) => items[0]?.count === 3);
      assert.equal(collapsed.data.length, 1);
      assert.equal(collapsed.data[0]!.text, `3 new videos from ${await username(channel)}`);
      assert.equal(collapsed.meta.unreadCount, 1);
      // Once read, the next upload starts a new row instead of reviving the read one.
      await call(t, 'POST', `/notifications/${collapsed.data[0]!.id}/read`, fan, {});
      await publishReadyVideo(t, channel, { title: 'Fourth upload' });
      const fresh = await waitForList(fan, 'a new row after reading', (items) => items.length === 2);
      assert.deepEqual(
        fresh.data.map((item) => [item.count, item.read]),
        [
          [1, false],
          [3, true],
        ],
      );

      assert.equal((await list(quiet)).data.length, 0, 'notifications off for this channel');
      assert.equal((await list(stranger)).data.length, 0, 'not a subscriber');
      // A redelivered event or a retried job for the same video notifies nobody again.
      assert.equal(await module().fanOut.run(third), 0);
      assert.equal((await list(fan)).data.length, 2);
    });

    test('a redelivered comment event does not notify twice; replies and mentions reach the right people', async () => {
      const [owner, author, replier, mentioned] = (await createAccounts(t, 4, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      const videoId = await publishReadyVideo(t, owner, { title: 'Talk' });
      const parent = await comment(author, videoId, 'A first thought about this talk');
      const reply = await comment(replier, videoId, `I disagree, and so does @${await username(mentioned)}`, parent.id);
      const replies = await waitForList(author, 'the reply notification', (items) =>
        items.some((item) => item.kind === KIND.commentReply),
      );
      assert.equal(replies.data.filter((item) => item.kind === KIND.commentReply).length, 1);
      assert.equal(replies.data[0]!.link, `/watch/${videoId}?comment=${parent.id}`, 'the thread, which the list shows');
      assert.ok(reply.id);
      assert.match(replies.data[0]!.text, /replied to your comment/);
      await waitForList(
        mentioned,
        'the mention notification',
        (items) => items.length === 1 && items[0]!.kind === KIND.commentMention,
      );

      // The same event handed to the consumer again (as after a crash between effect and mark).
      const outbox = await t.platform.database.db
        .selectFrom('outbox_events')
        .selectAll()
        .where('topic', '=', 'comment.created')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const event: DomainEvent<CommentCreatedPayload> = {
        id: String(outbox.id),
        topic: outbox.topic,
        key: outbox.partition_key,
        payload: outbox.payload as CommentCreatedPayload,
        createdAt: outbox.created_at,
      };
      const sources = new NotificationSources({
        db: t.platform.database.db,
        jobs: t.platform.jobs,
        notifier: module().notifier,
      });
      await sources.onComment(event);
      await sources.onComment(event);
      assert.equal((await list(author)).data.length, 1);
      assert.equal((await list(mentioned)).data.length, 1);
      assert.equal((await list(author)).meta.unreadCount, 1);
    });

    test('preferences: defaults, changes, off silences a kind, unknown kinds are refused', async () => {
      const [owner, author, replier] = (await createAccounts(t, 3, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      const defaults = (await call(t, 'GET', '/notifications/preferences', author)).json().data as {
        kind: string;
        delivery: string;
      }[];
      assert.equal(defaults.find((preference) => preference.kind === KIND.commentReply)?.delivery, 'mail_digest');
      assert.equal(
        defaults.find((preference) => preference.kind === KIND.adminReport),
        undefined,
        'admin kinds are for admins',
      );

      const bad = await call(t, 'PUT', '/notifications/preferences', author, {
        preferences: [{ kind: 'no.such_kind', delivery: 'off' }],
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].field, 'preferences.0.kind');
      assert.equal(
        (
          await call(t, 'PUT', '/notifications/preferences', author, {
            preferences: [{ kind: KIND.commentReply, delivery: 'loud' }],
          })
        ).statusCode,
        400,
      );

      const changed = await call(t, 'PUT', '/notifications/preferences', author, {
        preferences: [{ kind: KIND.commentReply, delivery: 'off' }],
      });
      assert.equal(changed.statusCode, 200);
      assert.equal(
        changed.json().data.find((preference: { kind: string }) => preference.kind === KIND.commentReply).delivery,
        'off',
      );

      const videoId = await publishReadyVideo(t, owner);
      const parent = await comment(author, videoId, 'Hello there');
      await comment(replier, videoId, 'Hello back', parent.id);
      // A later like milestone does arrive: it proves the consumer ran past the silenced reply.
      assert.equal((await call(t, 'POST', `/comments/${parent.id}/like`, owner)).statusCode, 200);
      const page = await waitForList(author, 'the like milestone', (items) =>
        items.some((item) => item.kind === KIND.commentLikes),
      );
      assert.deepEqual(
        page.data.map((item) => item.kind),
        [KIND.commentLikes],
      );
    });

    test('cursor paging walks every notification once, newest first; read, read-all and delete', async () => {
      const [reader, other] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      for (let index = 0; index < 7; index += 1) {
        await module().notifier.notify({
          sourceKey: `test:${reader.id}:${index}`,
          kind: KIND.subscriberMilestone,
          recipients: [reader.id],
          data: { channelId: reader.id, subscribers: index + 1 },
        });
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(reader, `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.ok(page.data.length <= 3);
        seen.push(...page.data.map((item) => item.text));
        cursor = page.meta.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        [7, 6, 5, 4, 3, 2, 1].map(
          (count) => `Your channel reached ${count} ${count === 1 ? 'subscriber' : 'subscribers'}`,
        ),
      );
      assert.equal((await call(t, 'GET', '/notifications?cursor=not-a-cursor', reader)).statusCode, 400);
      assert.equal((await call(t, 'GET', '/notifications?limit=500', reader)).statusCode, 400);

      const [newest, second] = (await list(reader)).data as [Listed, Listed];
      assert.equal((await call(t, 'POST', `/notifications/${newest.id}/read`, reader, {})).json().data.unreadCount, 6);
      assert.equal(
        (await call(t, 'POST', `/notifications/${newest.id}/read`, other, {})).statusCode,
        404,
        'not theirs',
      );
      assert.equal((await call(t, 'DELETE', `/notifications/${second.id}`, other)).statusCode, 404, 'not theirs');
      assert.equal((await call(t, 'DELETE', `/notifications/${second.id}`, reader)).statusCode, 204);
      assert.equal((await call(t, 'GET', '/notifications/unread-count', reader)).json().data.unreadCount, 5);
      assert.equal((await call(t, 'POST', '/notifications/read-all', reader)).json().data.marked, 5);
      assert.equal((await list(reader)).meta.unreadCount, 0);
      assert.equal((await list(reader, '?unread=true')).data.length, 0);
      // A deleted notification's receipt stays: the same source does not bring it back.
      const again = await module().notifier.notify({
        sourceKey: `test:${reader.id}:5`,
        kind: KIND.subscriberMilestone,
        recipients: [reader.id],
        data: {},
      });
      assert.deepEqual(again, []);
      assert.equal((await call(t, 'GET', '/notifications', undefined)).statusCode, 401);
    });

    test('immediate mail carries List-Unsubscribe; the signed link unsubscribes and a tampered one is refused', async () => {
      const [owner, author, replier] = (await createAccounts(t, 3, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      await call(t, 'PUT', '/notifications/preferences', author, {
        preferences: [{ kind: KIND.commentReply, delivery: 'mail_immediate' }],
      });
      const videoId = await publishReadyVideo(t, owner, { title: 'Mail me' });
      const parent = await comment(author, videoId, 'Send me a mail when someone answers');
      await comment(replier, videoId, 'Here is an answer', parent.id);
      const email = `${await username(author)}@example.com`;
      const mail = await eventually('the immediate mail', async () =>
        t.platform.database.db
          .selectFrom('mail_messages')
          .selectAll()
          .where('to_address', '=', email)
          .executeTakeFirst(),
      );
      assert.match(mail.subject, /replied to your comment/);
      assert.match(mail.text_body, new RegExp(`/watch/${videoId}\\?comment=`));
      assert.equal(mail.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
      const oneClick = new URL(/^<(.+)>$/.exec(mail.headers['List-Unsubscribe']!)![1]!);
      const path = `${oneClick.pathname}${oneClick.search}`;
      assert.ok(path.startsWith('/api/v1/notifications/unsubscribe?'));

      const tampered = (name: string, value: string) => {
        const url = new URL(oneClick);
        url.searchParams.set(name, value);
        return `${url.pathname}${url.search}`;
      };
      for (const forged of [
        tampered('user', replier.id),
        tampered('kind', KIND.newVideo),
        tampered('sig', 'AAAA'),
        tampered('kind', 'all'),
      ]) {
        const refused = await t.app.inject({
          method: 'POST',
          url: forged,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'List-Unsubscribe=One-Click',
        });
        assert.equal(refused.statusCode, 403, forged);
        assert.equal(refused.json().error.code, 'INVALID_SIGNATURE');
      }
      assert.equal((await t.app.inject({ method: 'GET', url: path })).json().data.label, 'Replies to your comments');
      // RFC 8058: the mail client POSTs the form body, without any sign-in.
      const done = await t.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual(done.json().data.unsubscribed, [KIND.commentReply]);
      const preferences = (await call(t, 'GET', '/notifications/preferences', author)).json().data as {
        kind: string;
        delivery: string;
      }[];
      assert.equal(preferences.find((preference) => preference.kind === KIND.commentReply)?.delivery, 'in_app');
    });

    test("the digest gathers each user's digest notifications into one mail with an unsubscribe-all link", async () => {
      const [owner, author, replier1, replier2] = (await createAccounts(t, 4, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      const videoId = await publishReadyVideo(t, owner, { title: 'Digest me' });
      const first = await comment(author, videoId, 'First comment for the digest');
      const second = await comment(author, videoId, 'Second comment for the digest');
      await comment(replier1, videoId, 'A reply to the first', first.id);
      await comment(replier2, videoId, 'A reply to the second', second.id);
      await waitForList(
        author,
        'both replies',
        (items) => items.filter((item) => item.kind === KIND.commentReply).length === 2,
      );
      await module().mail.sendDigests();
      const email = `${await username(author)}@example.com`;
      const mails = await t.platform.database.db
        .selectFrom('mail_messages')
        .selectAll()
        .where('to_address', '=', email)
        .execute();
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.subject, 'Your StreamHub digest: 2 notifications');
      const link = /Stop digest mails with one click: (\S+)/.exec(mails[0]!.text_body)![1]!;
      const page = new URL(link);
      assert.equal(page.pathname, '/unsubscribe');
      const done = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/unsubscribe${page.search}` });
      assert.equal(done.statusCode, 200, done.body);
      assert.ok(done.json().data.unsubscribed.includes(KIND.commentReply));
      // Nothing is owed any more: a second digest run sends nothing.
      assert.equal(await module().mail.sendDigests(), 0);
      // Housekeeping keeps recent receipts and notifications, and removes old receipts and old read rows.
      const { db } = t.platform.database;
      await sql`update notification_receipts set created_at = now() - interval '40 days' where recipient_id = ${author.id}`.execute(
        db,
      );
      await db
        .updateTable('notifications')
        .set({ read_at: new Date(Date.now() - 200 * 86_400_000) })
        .where('recipient_id', '=', author.id)
        .execute();
      const pruned = await pruneNotifications(db);
      assert.ok(pruned.receipts >= 2 && pruned.notifications >= 2, JSON.stringify(pruned));
      assert.equal((await list(author)).data.length, 0);
    });

    test('moderation: the author hears of the hold and of the decision; admins hear of the case and of reports', async () => {
      const [owner, author, reporter] = (await createAccounts(t, 3, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      const [admin] = (await createAccounts(t, 1, 'admin')) as [TestAccount];
      const videoId = await publishReadyVideo(t, owner);
      const toxic = await comment(author, videoId, 'You are a f*cking idiot, delete your channel');
      const held = await waitForList(author, 'the hold notification', (items) =>
        items.some((item) => item.kind === KIND.moderationHeld),
      );
      assert.match(held.data[0]!.text, /Your comment was held for review/);
      await waitForList(admin, 'the admin case notification', (items) =>
        items.some((item) => item.kind === KIND.adminCase),
      );

      const moderationCase = await t.platform.database.db
        .selectFrom('moderation_cases')
        .select('id')
        .where('subject_id', '=', toxic.id)
        .executeTakeFirstOrThrow();
      assert.equal(
        (await call(t, 'POST', `/admin/moderation/cases/${moderationCase.id}/reject`, admin, { note: 'Insults' }))
          .statusCode,
        200,
      );
      const decided = await waitForList(author, 'the decision notification', (items) =>
        items.some((item) => item.kind === KIND.moderationDecision),
      );
      assert.equal(decided.data[0]!.text, 'Your comment was rejected by a moderator. Note: Insults');

      const fine = await comment(owner, videoId, 'Thanks everyone for watching');
      assert.equal(
        (await call(t, 'POST', `/comments/${fine.id}/report`, reporter, { reason: 'spam' })).statusCode,
        201,
      );
      await waitForList(admin, 'the report notification', (items) =>
        items.some((item) => item.kind === KIND.adminReport && item.text === 'A comment was reported for spam'),
      );
    });

    test('open tabs hear the unread count change over Server-Sent Events', async () => {
      const [reader] = (await createAccounts(t, 1)) as [TestAccount];
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const controller = new AbortController();
      const response = await fetch(
        `http://127.0.0.1:${port}/api/v1/notifications/stream?access_token=${reader.token}`,
        { signal: controller.signal },
      );
      assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const reader$ = response.body!.getReader();
      let received = '';
      const next = async (pattern: RegExp) => {
        while (!pattern.test(received)) {
          const { value, done } = await reader$.read();
          if (done) throw new Error('stream ended');
          received += new TextDecoder().decode(value);
        }
      };
      await next(/"unreadCount":0/);
      await module().notifier.notify({
        sourceKey: `sse:${reader.id}`,
        kind: KIND.subscriberMilestone,
        recipients: [reader.id],
        data: { channelId: reader.id, subscribers: 1 },
      });
      await next(/"unreadCount":1/);
      await call(t, 'POST', '/notifications/read-all', reader);
      await next(/"unreadCount":0\}\n\n[\s\S]*"unreadCount":1\}\n\n[\s\S]*"unreadCount":0/);
      controller.abort();
    });
  });
}
