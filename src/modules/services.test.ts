import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../test/support/app.ts';
import { testDatabaseKinds } from '../../test/support/databases.ts';
import type { MailMessage, Mailer } from '../platform/mail/mailer.ts';
import { MemoryHotCounters } from '../platform/counters/memory-hot-counters.ts';
import { LIKES_COUNTER } from './likes/like-counts.ts';
import { createReadyVideo } from './views/engagement-test-support.ts';

/** Keeps what would have been sent, so the test can read the reset link. */
class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
}

for (const kind of testDatabaseKinds()) {
  describe(`composition root on ${kind}: a test replaces one part and the app uses it`, () => {
    const mailer = new RecordingMailer();
    const counters = new MemoryHotCounters();
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, {}, { mailer, counters });
    });
    after(async () => {
      await t.close();
    });

    test('the password-reset mail goes through the replaced mailer, and its link works', async () => {
      const { user } = await registerUser(t.app);
      const mailTable = () =>
        t.platform.database.db.selectFrom('mail_messages').select('id').where('to_address', '=', user.email).execute();
      const forgot = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/forgot-password',
        payload: { email: user.email },
      });
      assert.equal(forgot.statusCode, 202);
      const mail = mailer.sent.find((message) => message.to === user.email);
      assert.ok(mail, 'the replaced mailer got the message');
      assert.deepEqual(await mailTable(), [], "the platform's own mailer (the mail table) was not used");

      const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      assert.ok(token, mail.text);
      const reset = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/reset-password',
        payload: { token, password: 'another sturdy passphrase 7' },
      });
      assert.equal(reset.statusCode, 200, reset.body);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'another sturdy passphrase 7' },
      });
      assert.equal(login.statusCode, 200);
    });

    test('routes and the services handed to tests share one set of hot counters', async () => {
      const creator = await registerUser(t.app, { role: 'creator' });
      const fan = await registerUser(t.app);
      const videoId = await createReadyVideo(t, creator.accessToken);
      const liked = await t.app.inject({
        method: 'POST',
        url: `/api/v1/videos/${videoId}/like`,
        headers: bearer(fan.accessToken),
      });
      assert.deepEqual(json(liked).data, { liked: true, likes: 1 });
      assert.equal(t.services.counters, counters, "the replacement is the services' counters");
      assert.equal(await counters.pending(LIKES_COUNTER, videoId), 1, 'the like was buffered in the replaced counters');
      await t.services.engagementFlusher.flush();
      assert.equal(await counters.pending(LIKES_COUNTER, videoId), 0, "the services' flusher drains the same counters");
      const stored = await t.platform.database.db
        .selectFrom('videos')
        .select('like_count')
        .where('id', '=', videoId)
        .executeTakeFirstOrThrow();
      assert.equal(stored.like_count, 1);
    });
  });
}
