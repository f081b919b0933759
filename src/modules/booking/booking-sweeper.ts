import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import { BOOKING_KINDS, type BookingEffects } from './booking-notifications.ts';
import { expireHoldsLocked, lockClass, type BookingEffect, type SeatTimings } from './seat-ledger.ts';

const CLASSES_PER_SWEEP = 200;
const DAY_MS = 24 * 3600_000;
const SOON_MS = 15 * 60_000;

export interface SweepResult {
  expired: number;
  promoted: number;
  reminded: number;
}

/**
 * The periodic work of bookings, run by the `booking` queue's recurring job on any number of workers:
 * holds that ran out are ended (under each class's lock, so exactly once) and their seats go to the
 * waitlist; reminders go out a day and a quarter of an hour before each class (a conditional update
 * marks each one sent, so one worker sends it).
 */
export class BookingSweeper {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      notifications: NotificationsModule;
      effects: BookingEffects;
      timings: SeatTimings;
    },
  ) {}

  async sweep(now = new Date()): Promise<SweepResult> {
    const { expired, promoted } = await this.expireHolds(now);
    const reminded = await this.sendReminders(now);
    return { expired, promoted, reminded };
  }

  async expireHolds(now = new Date()): Promise<{ expired: number; promoted: number }> {
    const classes = await this.deps.db
      .selectFrom('live_class_bookings')
      .select('class_id')
      .distinct()
      .where('status', 'in', ['held', 'paying'])
      .where('hold_expires_at', '<=', now)
      .limit(CLASSES_PER_SWEEP)
      .execute();
    let expired = 0;
    let promoted = 0;
    for (const { class_id: classId } of classes) {
      const effects: BookingEffect[] = [];
      expired += await this.deps.db.transaction().execute(async (trx) => {
        const cls = await lockClass(trx, classId);
        return cls ? expireHoldsLocked(trx, cls, this.deps.timings, effects, now) : 0;
      });
      promoted += effects.filter((effect) => effect.kind === 'promoted').length;
      await this.deps.effects.run(effects);
    }
    return { expired, promoted };
  }

  /** Sends the due reminders to confirmed attendees; answers how many learners were reminded. */
  async sendReminders(now = new Date()): Promise<number> {
    const { db } = this.deps;
    // "Soon" first: a class booked with less than a day to go gets only that one (its day mark is set too).
    const soon = await db
      .updateTable('live_classes')
      .set((eb) => ({ reminded_soon_at: now, reminded_day_at: eb.fn.coalesce('reminded_day_at', eb.val(now)) }))
      .where('status', '=', 'open')
      .where('reminded_soon_at', 'is', null)
      .where('starts_at', '>', now)
      .where('starts_at', '<=', new Date(now.getTime() + SOON_MS))
      .returning(['id', 'title', 'starts_at', 'creator_id'])
      .execute();
    const day = await db
      .updateTable('live_classes')
      .set({ reminded_day_at: now })
      .where('status', '=', 'open')
      .where('reminded_day_at', 'is', null)
      .where('starts_at', '>', now)
      .where('starts_at', '<=', new Date(now.getTime() + DAY_MS))
      .returning(['id', 'title', 'starts_at', 'creator_id'])
      .execute();
    let reminded = 0;
    for (const [when, classes] of [
      ['soon', soon],
      ['day', day],
    ] as const) {
      for (const cls of classes) {
        const attendees = await db
          .selectFrom('live_class_bookings')
          .select('user_id')
          .where('class_id', '=', cls.id)
          .where('status', '=', 'confirmed')
          .execute();
        reminded += (
          await this.deps.notifications.notifier.notify({
            sourceKey: `${BOOKING_KINDS.reminder}:${cls.id}:${when}`,
            kind: BOOKING_KINDS.reminder,
            recipients: attendees.map((row) => row.user_id),
            actorId: cls.creator_id,
            data: { classId: cls.id, title: cls.title, startsAt: cls.starts_at.toISOString(), when },
          })
        ).length;
      }
    }
    return reminded;
  }
}
