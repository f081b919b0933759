import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { isUniqueViolation, PgErrorCode, sqlState } from '../../platform/db/pg-errors.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import {
  createIdempotently,
  idempotencyClaim,
  idempotentRequest,
  type IdempotentRequest,
} from '../../platform/idempotency/idempotency.ts';
import {
  chargeWithTimeout,
  PaymentTimeoutError,
  type PaymentProvider,
} from '../../platform/payments/payment-provider.ts';
import { paymentKey, type BookingEffects } from './booking-notifications.ts';
import {
  endBookingLocked,
  expireHoldsLocked,
  holdFreeSeat,
  seatOrWaitlist,
  lockClass,
  type BookingEffect,
  type BookingRow,
  type ClassRow,
} from './seat-ledger.ts';
import { LIVE_BOOKING_STATUSES } from './tables.ts';

export interface BookingSettings {
  holdSeconds: number;
  offerSeconds: number;
  paymentTimeoutMs: number;
}

const fail = (status: number, code: ErrorCode, message: string) => new AppError(status, code, message);
const holdExpired = () => fail(409, ErrorCode.HOLD_EXPIRED, 'The seat hold ran out; book again');
const paymentInProgress = () => fail(409, ErrorCode.PAYMENT_IN_PROGRESS, 'The payment for this seat is under way');
// A payment still in flight when the process dies is reclaimed by the sweep this long after its deadline.
const PAYMENT_MARGIN_MS = 30_000;

/**
 * The learner's side: book (a held seat or a waitlist place), confirm (paying where a price is set),
 * cancel until the cut-off. Seats change only under the class lock (seat-ledger.ts); what that owes
 * others (mail, refunds) runs after commit.
 */
export class BookingService {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      payments: PaymentProvider;
      effects: BookingEffects;
      settings: BookingSettings;
    },
  ) {}

  /** Books a seat, or a waitlist place when full (unless `joinWaitlist` is false); once per Idempotency-Key. */
  async book(
    actor: AuthenticatedUser,
    classId: string,
    input: { joinWaitlist?: boolean },
    idempotencyKey?: string,
  ): Promise<{ booking: BookingRow; replayed: boolean }> {
    const request = idempotentRequest('live-class-booking', actor.id, idempotencyKey, { classId, ...input });
    const booked = await this.bookAtOnce(actor, classId, input.joinWaitlist ?? true, request);
    if (booked) return { booking: booked, replayed: false };
    const effects: BookingEffect[] = [];
    let result: { value: BookingRow; replayed: boolean };
    try {
      result = await createIdempotently(this.deps.db, request, {
        create: (trx, id) => {
          // Effects of an attempt that rolled back never happened.
          effects.length = 0;
          return this.bookLocked(trx, id, actor, classId, input.joinWaitlist ?? true, effects);
        },
        load: (id) => this.find(id),
      });
    } catch (error) {
      if (isUniqueViolation(error, 'live_class_bookings_learner_idx')) throw alreadyBooked();
      throw error;
    }
    await this.deps.effects.run(effects);
    return { booking: result.value, replayed: result.replayed };
  }

  /**
   * The common booking in one statement (live_class_book, migrations/0170): the class lock is taken,
   * the seat or waitlist place given and the key claimed, and all of it committed, inside the database,
   * so the lock is never held across a round trip to this process. Undefined when the general path must
   * answer: the key was used before (it replays), or anything but the common case (it says why, or ends
   * the holds that ran out first).
   */
  private async bookAtOnce(
    actor: AuthenticatedUser,
    classId: string,
    joinWaitlist: boolean,
    request: IdempotentRequest | undefined,
  ): Promise<BookingRow | undefined> {
    const { db, settings } = this.deps;
    const id = randomUUID();
    const now = new Date();
    const holdUntil = new Date(now.getTime() + settings.holdSeconds * 1000);
    const book = (bookingId: RawBuilder<unknown>) =>
      sql`live_class_book(${classId}::uuid, ${bookingId}, ${actor.id}::uuid, ${holdUntil}::timestamptz, ${joinWaitlist}::boolean, ${now}::timestamptz)`;
    try {
      const { rows } = request
        ? // The claim first: a request whose key is taken books nothing here (the function is not called).
          await sql<BookingRow>`with claim as (${idempotencyClaim(db, request, id)})
            select b.* from claim cross join lateral ${book(sql`claim.resource_id`)} as b`.execute(db)
        : await sql<BookingRow>`select * from ${book(sql`${id}::uuid`)}`.execute(db);
      return rows[0];
    } catch (error) {
      if (isNotCommonCase(error)) return undefined;
      if (isUniqueViolation(error, 'live_class_bookings_learner_idx')) throw alreadyBooked();
      throw error;
    }
  }

  private async bookLocked(
    trx: Transaction<DB>,
    id: string,
    actor: AuthenticatedUser,
    classId: string,
    joinWaitlist: boolean,
    effects: BookingEffect[],
  ): Promise<BookingRow> {
    const cls = await lockClass(trx, classId);
    if (!cls) throw notFound('Class');
    assertOpen(cls);
    if (cls.creator_id === actor.id) throw forbidden('You teach this class');
    const now = new Date();
    const hold = {
      id,
      userId: actor.id,
      holdExpiresAt: new Date(now.getTime() + this.deps.settings.holdSeconds * 1000),
    };
    // A learner who already has a live booking here hits the one-per-learner unique index (ALREADY_BOOKED).
    const placed = await seatOrWaitlist(trx, cls, hold, joinWaitlist, now);
    if (placed) return placed;
    // Full with holds that ran out (or no waiting wanted): end them first, so their seats go to the waitlist.
    if ((await expireHoldsLocked(trx, cls, this.deps.settings, effects, now)) > 0) {
      const freed = await holdFreeSeat(trx, cls, hold, now);
      if (freed) return freed;
    }
    if (!joinWaitlist) throw fail(409, ErrorCode.CLASS_FULL, 'Every seat is taken');
    return trx
      .insertInto('live_class_bookings')
      .values({
        id,
        class_id: classId,
        user_id: actor.id,
        amount_cents: cls.price_cents,
        status: 'waitlisted',
        waitlist_position: sql<number>`nextval('live_class_waitlist_seq')`,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Confirms a held seat. Free: at once. Paid: held -> paying (a conditional update, so one payment per
   * hold), the charge (idempotent by booking, with a deadline), then paying -> confirmed; a declined or
   * timed-out payment releases the seat to the waitlist, and a timed-out one is refunded by key in case it
   * went through. Confirming a confirmed booking answers it again.
   */
  async confirm(actor: AuthenticatedUser, bookingId: string, paymentToken?: string): Promise<BookingRow> {
    const booking = await this.owned(actor, bookingId);
    if (booking.status === 'confirmed') return booking;
    if (booking.status === 'paying') throw paymentInProgress();
    if (booking.status === 'waitlisted') throw conflict('You are on the waitlist: there is no seat to confirm yet');
    if (booking.status !== 'held') throw holdExpired();
    const cls = await this.classOf(booking);
    const now = new Date();
    if (booking.amount_cents === 0) {
      const confirmed = await this.transition(bookingId, 'held', now, {
        status: 'confirmed',
        hold_expires_at: null,
        confirmed_at: now,
      });
      if (!confirmed) throw await this.whyNot(bookingId);
      await this.deps.effects.run([{ kind: 'confirmed', booking: confirmed, cls }]);
      return confirmed;
    }
    if (!paymentToken) throw fail(422, ErrorCode.PAYMENT_REQUIRED, 'This class has a price: send a paymentToken');
    const deadline = new Date(now.getTime() + this.deps.settings.paymentTimeoutMs + PAYMENT_MARGIN_MS);
    const paying = await this.transition(bookingId, 'held', now, {
      status: 'paying',
      hold_expires_at: booking.hold_expires_at! > deadline ? booking.hold_expires_at! : deadline,
    });
    if (!paying) throw await this.whyNot(bookingId);
    let chargeId: string;
    try {
      const charge = await chargeWithTimeout(
        this.deps.payments,
        {
          idempotencyKey: paymentKey(bookingId),
          amountCents: booking.amount_cents,
          currency: cls.currency,
          customerId: actor.id,
          description: `Seat ${booking.seat_no} in “${cls.title}”`,
          paymentToken,
        },
        this.deps.settings.paymentTimeoutMs,
      );
      chargeId = charge.id;
    } catch (error) {
      await this.releaseFailedPayment(cls, paying, error instanceof PaymentTimeoutError);
      throw fail(402, ErrorCode.PAYMENT_FAILED, `${(error as Error).message}; the seat was released`);
    }
    const confirmed = await this.transition(bookingId, 'paying', null, {
      status: 'confirmed',
      hold_expires_at: null,
      confirmed_at: new Date(),
      payment_ref: chargeId,
    });
    if (!confirmed) {
      // The sweep reclaimed the seat while this process stalled past the deadline: give the money back.
      await this.deps.effects.run([{ kind: 'refund', booking: paying }]);
      throw fail(409, ErrorCode.HOLD_EXPIRED, 'The seat hold ran out during payment; the charge was refunded');
    }
    await this.deps.effects.run([{ kind: 'confirmed', booking: confirmed, cls }]);
    return confirmed;
  }

  /** Cancels a booking: a seat any time before the cut-off (a paid one is refunded), a hold or a waitlist place until the start. */
  async cancel(actor: AuthenticatedUser, bookingId: string): Promise<BookingRow> {
    const booking = await this.owned(actor, bookingId);
    if (booking.status === 'cancelled') return booking;
    const effects: BookingEffect[] = [];
    const cancelled = await this.deps.db.transaction().execute(async (trx) => {
      const cls = (await lockClass(trx, booking.class_id))!;
      const current = await trx
        .selectFrom('live_class_bookings')
        .selectAll()
        .where('id', '=', bookingId)
        .executeTakeFirstOrThrow();
      if (current.status === 'paying') throw paymentInProgress();
      if (!(LIVE_BOOKING_STATUSES as readonly string[]).includes(current.status)) {
        throw conflict(`This booking has already ended (${current.status})`);
      }
      const cutoff = cancelUntil(cls);
      if (current.status === 'confirmed' && Date.now() > cutoff.getTime()) {
        throw fail(409, ErrorCode.CANCELLATION_CLOSED, `Cancellation closed at ${cutoff.toISOString()}`);
      }
      const ended = await endBookingLocked(
        trx,
        cls,
        bookingId,
        [current.status],
        'cancelled',
        this.deps.settings,
        effects,
      );
      if (!ended) throw conflict('The booking changed meanwhile; try again');
      if (current.payment_ref) effects.push({ kind: 'refund', booking: ended });
      return ended;
    });
    await this.deps.effects.run(effects);
    // Re-read: a refund made just now is on the row.
    return (await this.find(bookingId)) ?? cancelled;
  }

  find(id: string): Promise<BookingRow | undefined> {
    return this.deps.db.selectFrom('live_class_bookings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async owned(actor: AuthenticatedUser, id: string): Promise<BookingRow> {
    const booking = await this.find(id);
    if (!booking || booking.user_id !== actor.id) throw notFound('Booking');
    return booking;
  }

  /** The learner's bookings, newest first. */
  mine(actor: AuthenticatedUser, limit: number): Promise<BookingRow[]> {
    return this.deps.db
      .selectFrom('live_class_bookings')
      .selectAll()
      .where('user_id', '=', actor.id)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** The learner's live booking of a class, if any. */
  findLive(userId: string, classId: string): Promise<BookingRow | undefined> {
    return this.deps.db
      .selectFrom('live_class_bookings')
      .selectAll()
      .where('class_id', '=', classId)
      .where('user_id', '=', userId)
      .where('status', 'in', LIVE_BOOKING_STATUSES)
      .executeTakeFirst();
  }

  /** 1 for the head of the waitlist. */
  async waitlistRank(booking: BookingRow): Promise<number | null> {
    if (booking.status !== 'waitlisted' || booking.waitlist_position === null) return null;
    const { ahead } = await this.deps.db
      .selectFrom('live_class_bookings')
      .select((eb) => eb.fn.countAll<number>().as('ahead'))
      .where('class_id', '=', booking.class_id)
      .where('status', '=', 'waitlisted')
      .where('waitlist_position', '<', booking.waitlist_position)
      .executeTakeFirstOrThrow();
    return Number(ahead) + 1;
  }

  private classOf(booking: BookingRow): Promise<ClassRow> {
    return this.deps.db
      .selectFrom('live_classes')
      .selectAll()
      .where('id', '=', booking.class_id)
      .executeTakeFirstOrThrow();
  }

  /** A conditional move from one status (and, for a hold, only while it lasts): undefined when it no longer applies. */
  private transition(
    id: string,
    from: 'held' | 'paying',
    aliveAt: Date | null,
    set: Partial<Pick<BookingRow, 'status' | 'hold_expires_at' | 'confirmed_at' | 'payment_ref'>>,
  ): Promise<BookingRow | undefined> {
    let query = this.deps.db
      .updateTable('live_class_bookings')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', from);
    if (aliveAt) query = query.where('hold_expires_at', '>', aliveAt);
    return query.returningAll().executeTakeFirst();
  }

  private async whyNot(id: string): Promise<AppError> {
    const now = await this.find(id);
    return now?.status === 'paying' ? paymentInProgress() : holdExpired();
  }

  private async releaseFailedPayment(cls: ClassRow, booking: BookingRow, refund: boolean): Promise<void> {
    const effects: BookingEffect[] = [];
    await this.deps.db.transaction().execute(async (trx) => {
      const locked = (await lockClass(trx, cls.id))!;
      await endBookingLocked(trx, locked, booking.id, ['paying'], 'payment_failed', this.deps.settings, effects);
    });
    if (refund) effects.push({ kind: 'refund', booking });
    await this.deps.effects.run(effects);
  }
}

/** live_class_book's refusal to handle anything but the common case (it rolled back). */
const isNotCommonCase = (error: unknown) =>
  sqlState(error) === PgErrorCode.RAISE_EXCEPTION &&
  /live_class_book: not the common case/.test(String((error as Error).message));

const alreadyBooked = () =>
  fail(409, ErrorCode.ALREADY_BOOKED, 'You already have a seat or a waitlist place in this class');

function assertOpen(cls: ClassRow): void {
  if (cls.status !== 'open') throw fail(409, ErrorCode.CLASS_CLOSED, 'This class was cancelled');
  if (cls.starts_at.getTime() <= Date.now()) throw fail(409, ErrorCode.CLASS_CLOSED, 'This class has started');
}

/** When cancelling a confirmed seat stops being possible. */
export function cancelUntil(cls: ClassRow): Date {
  return new Date(cls.starts_at.getTime() - cls.cancel_cutoff_minutes * 60_000);
}
