import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { eventually } from '../../../test/support/eventually.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { publishReadyVideo } from '../feeds/feed-test-support.ts';
import { KIND } from './builtin-kinds.ts';
import { describeNotifications } from './notification-test-support.ts';
import { pruneNotifications } from './retention.ts';

describeNotifications('notification mail and moderation notices', (context) => {
  const { list, waitForList, username, comment } = context;
  const module = () => context.t.services.notifications;
  test('immediate mail carries List-Unsubscribe; the signed link unsubscribes and a tampered one is refused', async () => {
    const { t } = context;
    const [owner, author, replier] = (await createAccounts(t, 3, 'creator')) as [TestAccount, TestAccount, TestAccount];
    await call(t, 'PUT', '/notifications/preferences', author, {
      preferences: [{ kind: KIND.commentReply, delivery: 'mail_immediate' }],
    });
    const videoId = await publishReadyVideo(t, owner, { title: 'Mail me' });
    const parent = await comment(author, videoId, 'Send me a mail when someone answers');
    await comment(replier, videoId, 'Here is an answer', parent.id);
    const email = `${await username(author)}@example.com`;
    const mail = await eventually('the immediate mail', async () =>
      t.platform.database.db.selectFrom('mail_messages').selectAll().where('to_address', '=', email).executeTakeFirst(),
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
    const { t } = context;
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
    const { t } = context;
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
    assert.equal((await call(t, 'POST', `/comments/${fine.id}/report`, reporter, { reason: 'spam' })).statusCode, 201);
    await waitForList(admin, 'the report notification', (items) =>
      items.some((item) => item.kind === KIND.adminReport && item.text === 'A comment was reported for spam'),
    );
  });
});
