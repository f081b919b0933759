// No double booking, ever: many learners booking a small class at once through two "processes" (on
// PostgreSQL a second connection pool with its own services; on PGlite the one session), the schema
// refusing an oversold row whatever the code does, concurrent payments for one hold charging once,
// and several sweepers expiring holds at once: each hold expires exactly once and the waitlist moves
// up in order.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/pg-errors.ts';
import { createMetricsRegistry } from '../../platform/observability/metrics.ts';
import type { FakePaymentProvider } from '../../platform/payments/fake-payment-provider.ts';
import { createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { createServices } from '../services.ts';
import { paymentKey } from './booking-notifications.ts';
import { bookSeat, expireHolds, scheduleClass } from './booking-test-support.ts';
import type { BookingModule } from './module.ts';

for (const kind of testDatabaseKinds()) {
  describe(`booking under concurrency on ${kind}`, () => {
    let t: TestApp;
    let creator: TestAccount;
    /** The booking module of a second process: its own pool on PostgreSQL. */
    let other: BookingModule;

    before(async () => {
      t = await startTestApp(kind, { BOOKING_SWEEP_SECONDS: '1' });
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const database = kind === 'postgres' ? await t.testDatabase.openAnother() : t.platform.database;
      other = createServices({ ...t.platform, database, metrics: createMetricsRegistry() }).booking;
    });
    after(() => t?.close());

    const db = () => t.platform.database.db;
    const seated = (classId: string) =>
      db()
        .selectFrom('live_class_bookings')
        .select(['seat_no', 'user_id'])
        .where('class_id', '=', classId)
        .where('seat_no', 'is not', null)
        .execute();

    test('300 learners booking 20 seats at once through two processes: exactly 20 seats, the rest waitlisted in one line', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 20 });
      const learners = await createAccounts(t, 300);
      const answers = await Promise.all(
        learners.map(async (learner, index) => {
          if (index % 2 === 0) return json(await bookSeat(t, learner, cls.id)).data.status as string;
          const { booking } = await other.bookings.book({ id: learner.id, role: 'viewer' }, cls.id, {});
          return booking.status as string;
        }),
      );
      assert.equal(answers.filter((status) => status === 'held').length, 20);
      assert.equal(answers.filter((status) => status === 'waitlisted').length, 280);
      const seats = await seated(cls.id);
      assert.equal(seats.length, 20);
      assert.deepEqual(
        seats.map((row) => row.seat_no).sort((a, b) => a! - b!),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const positions = await db()
        .selectFrom('live_class_bookings')
        .select('waitlist_position')
        .where('class_id', '=', cls.id)
        .where('status', '=', 'waitlisted')
        .execute();
      assert.equal(new Set(positions.map((row) => row.waitlist_position)).size, 280, 'one place each');
    });

    test('learners sending each booking twice at once, with one Idempotency-Key, through both processes: one booking each, exactly the capacity seated', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 10 });
      const learners = await createAccounts(t, 40);
      const pairs = await Promise.all(
        learners.map(async (learner, index) => {
          const key = `twice-${index}`;
          const [here, there] = await Promise.all([
            bookSeat(t, learner, cls.id, { key }).then((answer) => json(answer).data as { id: string; status: string }),
            other.bookings.book({ id: learner.id, role: 'viewer' }, cls.id, {}, key).then(({ booking }) => booking),
          ]);
          return { here, there };
        }),
      );
      for (const { here, there } of pairs) assert.equal(here.id, there.id, 'both copies answer the one booking');
      const statuses = pairs.map(({ here }) => here.status);
      assert.equal(statuses.filter((status) => status === 'held').length, 10);
      assert.equal(statuses.filter((status) => status === 'waitlisted').length, 30);
      const rows = await db()
        .selectFrom('live_class_bookings')
        .select(['user_id', 'seat_no'])
        .where('class_id', '=', cls.id)
        .execute();
      assert.equal(rows.length, 40, 'one row per learner');
      assert.equal(new Set(rows.filter((row) => row.seat_no !== null).map((row) => row.seat_no)).size, 10);
    });

    test('the schema itself refuses an oversold class: no seat beyond capacity, no seat twice', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 2 });
      const [ann, bob] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      await bookSeat(t, ann, cls.id);
      const insert = (userId: string, seatNo: number) =>
        db()
          .insertInto('live_class_bookings')
          .values({ class_id: cls.id, user_id: userId, status: 'confirmed', seat_no: seatNo })
          .execute();
      await assert.rejects(insert(bob.id, 3), (error) => isForeignKeyViolation(error));
      await assert.rejects(insert(bob.id, 1), (error) => isUniqueViolation(error, 'live_class_bookings_seat_idx'));
      await assert.rejects(insert(ann.id, 2), (error) => isUniqueViolation(error, 'live_class_bookings_learner_idx'));
      await assert.rejects(
        db()
          .insertInto('live_class_bookings')
          .values({ class_id: cls.id, user_id: bob.id, status: 'confirmed', seat_no: null })
          .execute(),
        /check constraint/,
      );
    });

    test('two payments racing for one hold charge once', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 1, priceCents: 900 });
      const [ann] = (await createAccounts(t, 1)) as [TestAccount];
      const held = json(await bookSeat(t, ann, cls.id)).data;
      const user = { id: ann.id, role: 'viewer' as const };
      const results = await Promise.allSettled([
        t.services.booking.bookings.confirm(user, held.id, 'tok_slow_150'),
        other.bookings.confirm(user, held.id, 'tok_slow_150'),
      ]);
      const confirmed = results.filter((result) => result.status === 'fulfilled');
      const refused = results.filter((result) => result.status === 'rejected');
      assert.equal(confirmed.length, 1);
      assert.match(String((refused[0] as PromiseRejectedResult).reason.code), /PAYMENT_IN_PROGRESS/);
      const charged = [t.services.booking.payments, other.payments]
        .map((provider) => (provider as FakePaymentProvider).chargeFor(paymentKey(held.id)))
        .filter(Boolean);
      assert.equal(charged.length, 1, 'one provider call charged');
    });

    test('four sweepers at once expire each hold exactly once and promote the waitlist in order', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 3 });
      const learners = await createAccounts(t, 8);
      const bookings = [];
      for (const learner of learners) bookings.push(json(await bookSeat(t, learner, cls.id)).data);
      assert.deepEqual(
        bookings.map((booking) => booking.status),
        [...Array(3).fill('held'), ...Array(5).fill('waitlisted')],
      );
      await expireHolds(
        t,
        bookings.slice(0, 3).map((booking) => booking.id),
      );
      const sweepers = [t.services.booking.sweeper, other.sweeper, t.services.booking.sweeper, other.sweeper];
      const results = await Promise.all(sweepers.map((sweeper) => sweeper.expireHolds()));
      assert.equal(
        results.reduce((sum, result) => sum + result.expired, 0),
        3,
        'three holds, three expiries',
      );
      assert.equal(
        results.reduce((sum, result) => sum + result.promoted, 0),
        3,
      );
      const statuses = await db()
        .selectFrom('live_class_bookings')
        .select(['user_id', 'status', 'seat_no'])
        .where('class_id', '=', cls.id)
        .execute();
      const statusOf = (index: number) => statuses.find((row) => row.user_id === learners[index]!.id)!.status;
      assert.deepEqual(
        learners.map((_, index) => statusOf(index)),
        ['expired', 'expired', 'expired', 'confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted'],
      );
      const expiredNotices = await db()
        .selectFrom('notifications')
        .select('recipient_id')
        .where('kind', '=', 'booking.hold_expired')
        .where(
          'recipient_id',
          'in',
          learners.map((learner) => learner.id),
        )
        .execute();
      assert.equal(expiredNotices.length, 3, 'one notice per expired hold');
      assert.equal((await seated(cls.id)).length, 3);
    });

    test('the recurring sweep job releases a hold that ran out and seats the waitlist', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 1 });
      const [ann, bob] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const annHold = json(await bookSeat(t, ann, cls.id)).data;
      const bobWait = json(await bookSeat(t, bob, cls.id)).data;
      await expireHolds(t, [annHold.id]);
      t.services.booking.startWorkers();
      // Two processes scheduling the same slot make one job (the slot is the dedupe key).
      await Promise.all([t.services.booking.scheduleSweep(), other.scheduleSweep()]);
      const bobNow = await eventually('the sweep job to seat bob', async () => {
        const row = await db()
          .selectFrom('live_class_bookings')
          .select(['status', 'seat_no'])
          .where('id', '=', bobWait.id)
          .executeTakeFirstOrThrow();
        return row.status === 'confirmed' ? row : undefined;
      });
      assert.equal(bobNow.seat_no, 1);
      // The notices are sent after the sweep's transaction commits, so they may land just after bob's seat.
      const notices = await eventually('ann to be told her hold ran out', async () => {
        const rows = await db()
          .selectFrom('notifications')
          .select('kind')
          .where('recipient_id', '=', ann.id)
          .where('kind', '=', 'booking.hold_expired')
          .execute();
        return rows.length > 0 ? rows : undefined;
      });
      assert.equal(notices.length, 1);
    });

    test('a freed seat goes to the head of the waitlist, not to a newcomer racing for it', async () => {
      const cls = await scheduleClass(t, creator, { capacity: 1 });
      const [first, waiting, ...newcomers] = await createAccounts(t, 22);
      const held = json(await bookSeat(t, first!, cls.id)).data;
      await bookSeat(t, waiting!, cls.id);
      const user = { id: first!.id, role: 'viewer' as const };
      await Promise.all([
        other.bookings.cancel(user, held.id),
        ...newcomers.map((learner) => bookSeat(t, learner, cls.id)),
      ]);
      const seats = await seated(cls.id);
      assert.deepEqual(
        seats.map((row) => row.user_id),
        [waiting!.id],
      );
    });
  });
}
