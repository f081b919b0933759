import { sql, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { LiveClassBookingsTable, LiveClassesTable } from './tables.ts';

export type ClassRow = Selectable<LiveClassesTable>;
export type BookingRow = Selectable<LiveClassBookingsTable>;

/** What a change to the seats owes the outside world once its transaction has committed. */
export type BookingEffect =
  | { kind: 'expired'; booking: BookingRow; cls: ClassRow; refund: boolean }
  | { kind: 'promoted'; booking: BookingRow; cls: ClassRow }
  | { kind: 'confirmed'; booking: BookingRow; cls: ClassRow }
  | { kind: 'refund'; booking: BookingRow };

export interface SeatTimings {
  /** How long a waitlisted learner promoted onto a paid seat has to pay. */
  offerSeconds: number;
}

/**
 * Every change to who sits where happens inside a transaction holding the class row's lock
 * (`lockClass`), so allocations, releases and promotions of one class run one after another on every
 * backend and every process. The schema is the second line of defence: a booking's seat is a foreign key
 * into `live_class_seats` and unique among live bookings, so no code path can store an oversold class.
 */
export function lockClass(trx: Transaction<DB>, classId: string): Promise<ClassRow | undefined> {
  return trx.selectFrom('live_classes').selectAll().where('id', '=', classId).forUpdate().executeTakeFirst();
}

/** The free seats of a class, lowest first: seat rows no live booking occupies. */
function freeSeatRows(trx: Transaction<DB>, classId: string) {
  return trx
    .selectFrom('live_class_seats as s')
    .where('s.class_id', '=', classId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('live_class_bookings as b')
            .select(sql`1`.as('one'))
            .whereRef('b.class_id', '=', 's.class_id')
            .whereRef('b.seat_no', '=', 's.seat_no'),
        ),
      ),
    )
    .orderBy('s.seat_no');
}

/** Free seat numbers of a locked class, lowest first. */
export async function freeSeats(trx: Transaction<DB>, classId: string, limit: number): Promise<number[]> {
  const rows = await freeSeatRows(trx, classId).select('s.seat_no').limit(limit).execute();
  return rows.map((row) => row.seat_no);
}

export interface NewBooking {
  id: string;
  userId: string;
  holdExpiresAt: Date;
}

/**
 * Under the class lock, the common paths of a booking in one statement (the database function
 * live_class_seat_or_waitlist, migrations/0170): the lowest free seat is held, or, when the class is
 * full, no hold has run out and the learner wants to wait, a waitlist place is taken. Undefined
 * otherwise (the caller then ends the ran-out holds first, or refuses).
 */
export async function seatOrWaitlist(
  trx: Transaction<DB>,
  cls: ClassRow,
  booking: NewBooking,
  joinWaitlist: boolean,
  now: Date,
): Promise<BookingRow | undefined> {
  const { rows } = await sql<BookingRow>`
    select * from live_class_seat_or_waitlist(${cls.id}::uuid, ${booking.id}::uuid, ${booking.userId}::uuid,
      ${cls.price_cents}::int, ${booking.holdExpiresAt}::timestamptz, ${joinWaitlist}::boolean, ${now}::timestamptz)`.execute(
    trx,
  );
  return rows[0];
}

/** Under the class lock: holds the lowest free seat for a new booking; undefined when the class is full. */
export function holdFreeSeat(
  trx: Transaction<DB>,
  cls: ClassRow,
  booking: NewBooking,
  now: Date,
): Promise<BookingRow | undefined> {
  return seatOrWaitlist(trx, cls, booking, false, now);
}

/**
 * Under the class lock: ends the holds (and stalled payments) whose time ran out, then fills the freed
 * seats from the waitlist. The rows are locked and re-read here, so of two sweepers the second finds
 * nothing left to expire: each hold expires exactly once.
 */
export async function expireHoldsLocked(
  trx: Transaction<DB>,
  cls: ClassRow,
  timings: SeatTimings,
  effects: BookingEffect[],
  now = new Date(),
): Promise<number> {
  const due = await trx
    .selectFrom('live_class_bookings')
    .select(['id', 'status'])
    .where('class_id', '=', cls.id)
    .where('status', 'in', ['held', 'paying'])
    .where('hold_expires_at', '<=', now)
    .forUpdate()
    .execute();
  if (due.length === 0) return 0;
  const wasPaying = new Set(due.filter((row) => row.status === 'paying').map((row) => row.id));
  const expired = await trx
    .updateTable('live_class_bookings')
    .set({ status: 'expired', seat_no: null, hold_expires_at: null, ended_at: now, updated_at: now })
    .where(
      'id',
      'in',
      due.map((row) => row.id),
    )
    .returningAll()
    .execute();
  for (const booking of expired) effects.push({ kind: 'expired', booking, cls, refund: wasPaying.has(booking.id) });
  await fillFromWaitlist(trx, cls, timings, effects, now);
  return expired.length;
}

/**
 * Under the class lock: gives free seats to the waitlist in order. On a free class the promoted learner
 * is confirmed at once (they asked for a seat); on a paid one the seat is held for them for
 * `offerSeconds` while they pay.
 */
export async function fillFromWaitlist(
  trx: Transaction<DB>,
  cls: ClassRow,
  timings: SeatTimings,
  effects: BookingEffect[],
  now = new Date(),
): Promise<number> {
  const waiting = await trx
    .selectFrom('live_class_bookings')
    .select('id')
    .where('class_id', '=', cls.id)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_position')
    .limit(cls.capacity)
    .execute();
  if (waiting.length === 0) return 0;
  const seats = await freeSeats(trx, cls.id, waiting.length);
  const paid = cls.price_cents > 0;
  for (const [index, seat] of seats.entries()) {
    const booking = await trx
      .updateTable('live_class_bookings')
      .set({
        status: paid ? 'held' : 'confirmed',
        seat_no: seat,
        waitlist_position: null,
        hold_expires_at: paid ? new Date(now.getTime() + timings.offerSeconds * 1000) : null,
        confirmed_at: paid ? null : now,
        updated_at: now,
      })
      .where('id', '=', waiting[index]!.id)
      .where('status', '=', 'waitlisted')
      .returningAll()
      .executeTakeFirstOrThrow();
    effects.push({ kind: 'promoted', booking, cls });
  }
  return seats.length;
}

/** Under the class lock: ends a booking (cancelled or failed payment), frees its seat and fills it from the waitlist. */
export async function endBookingLocked(
  trx: Transaction<DB>,
  cls: ClassRow,
  bookingId: string,
  from: BookingRow['status'][],
  to: 'cancelled' | 'payment_failed',
  timings: SeatTimings,
  effects: BookingEffect[],
  now = new Date(),
): Promise<BookingRow | undefined> {
  const ended = await trx
    .updateTable('live_class_bookings')
    .set({ status: to, seat_no: null, hold_expires_at: null, waitlist_position: null, ended_at: now, updated_at: now })
    .where('id', '=', bookingId)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
  if (ended) await fillFromWaitlist(trx, cls, timings, effects, now);
  return ended;
}
