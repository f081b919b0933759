// Live class booking through the API on each backend: scheduling and its bad input, hold -> confirm,
// one booking per learner, the waitlist and its promotion in order, Idempotency-Key, paid seats with
// declined, timed-out and good payments (and refunds), the cancellation cut-off, and reminders.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import type { FakePaymentProvider } from '../../platform/payments/fake-payment-provider.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { paymentKey } from './booking-notifications.ts';
import { bookSeat, expireHolds, scheduleClass } from './booking-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`live class booking on ${kind}`, () => {
    let t: TestApp;
    let creator: TestAccount;

    before(async () => {
      t = await startTestApp(kind, { PAYMENT_TIMEOUT_MS: '300' });
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
    });
    after(() => t?.close());

    const confirm = (who: TestAccount, id: string, paymentToken?: string) =>
      call(t, 'POST', `/bookings/${id}/confirm`, who, paymentToken ? { paymentToken } : {});
    const classView = async (id: string, who?: TestAccount) => json(await call(t, 'GET', `/classes/${id}`, who)).data;
    const kindsFor = async (userId: string) =>
      (
        await t.platform.database.db
          .selectFrom('notifications')
          .select('kind')
          .where('recipient_id', '=', userId)
          .execute()
      ).map((row) => row.kind);

    test('scheduling checks its input, the stream and the course, and answers clear 4xx', async () => {
      const [viewer] = (await createAccounts(t, 1)) as [TestAccount];
      const stream = json(
        await call(t, 'POST', '/live/streams', creator, {
          title: 'Algebra',
          scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
      ).data;
      const schedule = (body: object, who = creator) => call(t, 'POST', '/classes', who, body);
      const bad = json(await schedule({ streamId: stream.id, capacity: 0, currency: 'usd', extra: 1 }));
      assert.equal(bad.error.code, 'VALIDATION_ERROR');
      assert.deepEqual(bad.error.details.map((d: { field: string }) => d.field).sort(), [
        'body',
        'capacity',
        'currency',
      ]);
      assert.equal((await schedule({ streamId: 'nope', capacity: 5 })).statusCode, 400);
      assert.equal((await schedule({ streamId: stream.id, capacity: 5 }, viewer)).statusCode, 403);
      const [other] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      assert.equal((await schedule({ streamId: stream.id, capacity: 5 }, other)).statusCode, 404);
      const unscheduled = json(await call(t, 'POST', '/live/streams', creator, { title: 'Whenever' })).data;
      assert.equal(json(await schedule({ streamId: unscheduled.id, capacity: 5 })).error.code, 'CLASS_NOT_SCHEDULABLE');
      const course = json(await schedule({ streamId: stream.id, capacity: 5, courseId: crypto.randomUUID() }));
      assert.equal(course.error.code, 'NOT_FOUND');

      const created = await schedule({ streamId: stream.id, capacity: 5, priceCents: 1500, currency: 'EUR' });
      assert.equal(created.statusCode, 201);
      const cls = json(created).data;
      assert.deepEqual(
        [cls.title, cls.capacity, cls.seatsLeft, cls.priceCents, cls.currency, cls.holdSeconds],
        ['Algebra', 5, 5, 1500, 'EUR', 300],
      );
      assert.equal(json(await schedule({ streamId: stream.id, capacity: 5 })).error.code, 'CLASS_NOT_SCHEDULABLE');
      const teaching = json(await call(t, 'GET', '/classes/teaching', creator)).data;
      assert.ok(teaching.some((c: { id: string }) => c.id === cls.id));
      assert.equal((await call(t, 'GET', `/classes/${crypto.randomUUID()}`)).statusCode, 404);
    });

    test('a held seat is confirmed; one booking per learner; full classes waitlist; a cancelled seat goes to the head of the line', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 2 });
      const [ann, bob, cat, dan, eve] = (await createAccounts(t, 5)) as TestAccount[] as [
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      const held = json(await bookSeat(t, ann, cls.id)).data;
      assert.equal(held.status, 'held');
      const holdMs = Date.parse(held.holdExpiresAt) - Date.now();
      assert.ok(holdMs > 290_000 && holdMs <= 300_000, `held for five minutes (${holdMs} ms)`);
      assert.equal(json(await bookSeat(t, ann, cls.id)).error.code, 'ALREADY_BOOKED');
      assert.equal((await bookSeat(t, creator, cls.id)).statusCode, 403);
      assert.equal(json(await confirm(ann, held.id)).data.status, 'confirmed');
      assert.equal(json(await confirm(ann, held.id)).data.status, 'confirmed', 'confirming again answers the same');
      assert.equal((await confirm(bob, held.id)).statusCode, 404, "another learner's booking is not found");

      const bobs = json(await bookSeat(t, bob, cls.id)).data;
      assert.equal(bobs.status, 'held');
      const [catWait, danWait] = [json(await bookSeat(t, cat, cls.id)).data, json(await bookSeat(t, dan, cls.id)).data];
      assert.deepEqual([catWait.status, catWait.waitlistPosition, danWait.waitlistPosition], ['waitlisted', 1, 2]);
      assert.equal(json(await bookSeat(t, eve, cls.id, { body: { joinWaitlist: false } })).error.code, 'CLASS_FULL');
      assert.equal(json(await confirm(cat, catWait.id)).error.code, 'CONFLICT');
      const view = await classView(cls.id, dan);
      assert.deepEqual([view.seatsLeft, view.waitlisted, view.myBooking.waitlistPosition], [0, 2, 2]);

      assert.equal(json(await call(t, 'POST', `/bookings/${held.id}/cancel`, ann)).data.status, 'cancelled');
      const promoted = json(await call(t, 'GET', `/bookings/${catWait.id}`, cat)).data;
      assert.deepEqual([promoted.status, promoted.seatNo], ['confirmed', 1], 'the head of the line got the seat');
      assert.equal(json(await call(t, 'GET', `/bookings/${danWait.id}`, dan)).data.waitlistPosition, 1);
      assert.ok((await kindsFor(cat.id)).includes('booking.promoted'));
      assert.ok((await kindsFor(ann.id)).includes('booking.confirmed'));
      const attendees = json(await call(t, 'GET', `/classes/${cls.id}/attendees`, creator)).data;
      assert.deepEqual(
        attendees.map((a: { userId: string; status: string }) => [a.userId, a.status]),
        [
          [cat.id, 'confirmed'],
          [bob.id, 'held'],
          [dan.id, 'waitlisted'],
        ],
      );
      assert.equal((await call(t, 'GET', `/classes/${cls.id}/attendees`, bob)).statusCode, 404);
      const mine = json(await call(t, 'GET', '/bookings', ann)).data;
      assert.deepEqual(
        mine.map((b: { status: string }) => b.status),
        ['cancelled'],
      );
    });

    test('the same Idempotency-Key books once, even sent concurrently; reused with another body it is refused', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 3 });
      const [learner] = (await createAccounts(t, 1)) as [TestAccount];
      const answers = await Promise.all(Array.from({ length: 6 }, () => bookSeat(t, learner, cls.id, { key: 'k-1' })));
      const ids = new Set(answers.map((answer) => json(answer).data?.id));
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        Array(6).fill(201),
      );
      assert.equal(ids.size, 1, 'every retry answers the one booking');
      assert.equal(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true').length, 5);
      const reused = await bookSeat(t, learner, cls.id, { key: 'k-1', body: { joinWaitlist: false } });
      assert.equal(json(reused).error.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal((await classView(cls.id)).seatsLeft, 2);
    });

    test('paid seats: no token is 422, a decline or a timeout releases the seat to the waitlist, a good card confirms and cancelling refunds', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 1, priceCents: 2500 });
      const [ann, bob, cat] = (await createAccounts(t, 3)) as [TestAccount, TestAccount, TestAccount];
      const payments = t.services.booking.payments as FakePaymentProvider;
      const annHold = json(await bookSeat(t, ann, cls.id)).data;
      const bobWait = json(await bookSeat(t, bob, cls.id)).data;
      const catWait = json(await bookSeat(t, cat, cls.id)).data;
      assert.equal(json(await confirm(ann, annHold.id)).error.code, 'PAYMENT_REQUIRED');

      const declined = await confirm(ann, annHold.id, 'tok_decline');
      assert.deepEqual([declined.statusCode, json(declined).error.code], [402, 'PAYMENT_FAILED']);
      assert.equal(json(await call(t, 'GET', `/bookings/${annHold.id}`, ann)).data.status, 'payment_failed');
      const bobHold = json(await call(t, 'GET', `/bookings/${bobWait.id}`, bob)).data;
      assert.equal(bobHold.status, 'held', 'the next in line holds the seat to pay for it');
      assert.ok(Date.parse(bobHold.holdExpiresAt) - Date.now() > 3_000_000, 'with the longer offer time');

      const timedOut = await confirm(bob, bobWait.id, 'tok_timeout');
      assert.equal(json(timedOut).error.code, 'PAYMENT_FAILED');
      assert.match(json(timedOut).error.message, /did not answer/);
      assert.equal(payments.chargeFor(paymentKey(bobWait.id)), undefined);
      assert.equal(json(await call(t, 'GET', `/bookings/${catWait.id}`, cat)).data.status, 'held');

      const paid = json(await confirm(cat, catWait.id, 'tok_ok')).data;
      assert.deepEqual([paid.status, paid.paid, paid.amountCents], ['confirmed', true, 2500]);
      assert.equal(payments.chargeFor(paymentKey(catWait.id))?.amountCents, 2500);
      const cancelled = json(await call(t, 'POST', `/bookings/${catWait.id}/cancel`, cat)).data;
      assert.deepEqual([cancelled.status, cancelled.refunded], ['cancelled', true]);
      assert.equal(payments.chargeFor(paymentKey(catWait.id))?.refunded, true);
      assert.equal((await classView(cls.id)).seatsLeft, 1);
    });

    test('a payment whose process died mid-charge is reclaimed by the sweep after its deadline and refunded', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 1, priceCents: 1200 });
      const [ann, bob] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const payments = t.services.booking.payments as FakePaymentProvider;
      const annHold = json(await bookSeat(t, ann, cls.id)).data;
      const bobWait = json(await bookSeat(t, bob, cls.id)).data;
      // As a crashed confirm leaves it: the charge went through, the booking is still `paying`, the deadline passed.
      await payments.charge(
        {
          idempotencyKey: paymentKey(annHold.id),
          amountCents: 1200,
          currency: 'USD',
          customerId: ann.id,
          description: 'seat',
          paymentToken: 'tok_ok',
        },
        new AbortController().signal,
      );
      await t.platform.database.db
        .updateTable('live_class_bookings')
        .set({ status: 'paying', hold_expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', annHold.id)
        .execute();
      assert.deepEqual(await t.services.booking.sweeper.expireHolds(), { expired: 1, promoted: 1 });
      const annNow = json(await call(t, 'GET', `/bookings/${annHold.id}`, ann)).data;
      assert.deepEqual([annNow.status, annNow.refunded], ['expired', true]);
      assert.equal(payments.chargeFor(paymentKey(annHold.id))?.refunded, true);
      assert.equal(json(await call(t, 'GET', `/bookings/${bobWait.id}`, bob)).data.status, 'held');
    });

    test('a confirmed seat cannot be cancelled after the cut-off; a hold still can; bad ids are 400', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 3, startsInMinutes: 30, cancelCutoffMinutes: 60 });
      const [ann, bob] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const annBooking = json(await bookSeat(t, ann, cls.id)).data;
      await confirm(ann, annBooking.id);
      const refused = json(await call(t, 'POST', `/bookings/${annBooking.id}/cancel`, ann));
      assert.equal(refused.error.code, 'CANCELLATION_CLOSED');
      const bobBooking = json(await bookSeat(t, bob, cls.id)).data;
      assert.equal(json(await call(t, 'POST', `/bookings/${bobBooking.id}/cancel`, bob)).data.status, 'cancelled');
      assert.equal((await call(t, 'POST', '/bookings/not-a-uuid/cancel', bob)).statusCode, 400);
      assert.equal((await call(t, 'POST', `/bookings/${crypto.randomUUID()}/confirm`, bob, {})).statusCode, 404);
      const started = await t.platform.database.db
        .updateTable('live_classes')
        .set({ starts_at: new Date(Date.now() - 1000) })
        .where('id', '=', cls.id)
        .returning('id')
        .executeTakeFirst();
      assert.ok(started);
      assert.equal(json(await bookSeat(t, bob, cls.id)).error.code, 'CLASS_CLOSED');
    });

    test('a booking into a full class first ends holds that ran out: their seat goes to the waitlist, not the newcomer', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 1 });
      const [ann, bob, cat] = (await createAccounts(t, 3)) as [TestAccount, TestAccount, TestAccount];
      const annHold = json(await bookSeat(t, ann, cls.id)).data;
      const bobWait = json(await bookSeat(t, bob, cls.id)).data;
      await expireHolds(t, [annHold.id]);
      assert.equal((await classView(cls.id)).seatsLeft, 1, 'a hold that ran out no longer counts');
      const catBooking = json(await bookSeat(t, cat, cls.id)).data;
      assert.deepEqual([catBooking.status, catBooking.waitlistPosition], ['waitlisted', 1]);
      assert.equal(json(await call(t, 'GET', `/bookings/${bobWait.id}`, bob)).data.status, 'confirmed');
      assert.equal(json(await call(t, 'GET', `/bookings/${annHold.id}`, ann)).data.status, 'expired');
      assert.equal((await t.services.booking.sweeper.expireHolds()).expired, 0, 'nothing left for the sweep');
    });

    test("only the class's confirmed attendees and its creator post in the stream's chat", async () => {
      const cls = await scheduleClass(t, creator, { capacity: 2 });
      const [ann, bob] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      await confirm(ann, json(await bookSeat(t, ann, cls.id)).data.id);
      await bookSeat(t, bob, cls.id);
      const { chat } = t.services.live;
      // Admission is where the chat's posting rules run (storing an admitted message is not in question here).
      const post = (id: string, role: 'viewer' | 'creator' = 'viewer') =>
        chat.admit(cls.streamId, { id, role, name: 'learner' }, 'hello class');
      assert.equal((await post(ann.id)).status, 'visible');
      await assert.rejects(post(bob.id), { code: 'ATTENDEES_ONLY' }, 'a held seat is not enough');
      assert.equal((await post(creator.id, 'creator')).status, 'visible');
    });

    test('an expired hold cannot be confirmed; reminders go once to confirmed attendees', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 2, startsInMinutes: 10 });
      const [ann, bob] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const annBooking = json(await bookSeat(t, ann, cls.id)).data;
      await confirm(ann, annBooking.id);
      const bobBooking = json(await bookSeat(t, bob, cls.id)).data;
      await expireHolds(t, [bobBooking.id]);
      assert.equal(json(await confirm(bob, bobBooking.id)).error.code, 'HOLD_EXPIRED');
      const sweeper = t.services.booking.sweeper;
      const first = await sweeper.sweep();
      assert.ok(first.expired >= 1 && first.reminded >= 1);
      assert.equal(await sweeper.sendReminders(), 0, 'a reminder goes once');
      assert.ok((await kindsFor(ann.id)).includes('booking.reminder'));
      assert.ok(!(await kindsFor(bob.id)).includes('booking.reminder'));
      assert.ok((await kindsFor(bob.id)).includes('booking.hold_expired'));
      const row = await t.platform.database.db
        .selectFrom('notifications')
        .select('mail_pending')
        .where('recipient_id', '=', ann.id)
        .where('kind', '=', 'booking.reminder')
        .executeTakeFirstOrThrow();
      assert.ok(row.mail_pending === 'immediate' || row.mail_pending === null, 'reminders are mailed');
    });
  });
}
