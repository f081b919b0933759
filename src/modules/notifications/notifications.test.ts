import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { DomainEvent } from '../../platform/events/event-bus.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import type { CommentCreatedPayload } from '../comments/events.ts';
import { publishReadyVideo } from '../feeds/feed-test-support.ts';
import { KIND } from './builtin-kinds.ts';
import { describeNotifications, type Listed } from './notification-test-support.ts';
import { NotificationSources } from './sources.ts';

describeNotifications('notifications in the app', (context) => {
  const { list, waitForList, username, subscribe, comment } = context;
  const module = () => context.t.services.notifications;
  test('a new public video reaches subscribers with notifications on, collapsed when several arrive close together', async () => {
    const { t } = context;
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
    const { t } = context;
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
    const { t } = context;
    const [owner, author, replier] = (await createAccounts(t, 3, 'creator')) as [TestAccount, TestAccount, TestAccount];
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
    const { t } = context;
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
    assert.equal((await call(t, 'POST', `/notifications/${newest.id}/read`, other, {})).statusCode, 404, 'not theirs');
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

  test('open tabs hear the unread count change over Server-Sent Events', async () => {
    const { t } = context;
    const [reader] = (await createAccounts(t, 1)) as [TestAccount];
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/notifications/stream?access_token=${reader.token}`, {
      signal: controller.signal,
    });
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
