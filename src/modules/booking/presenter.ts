import type { z } from 'zod';
import { toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import { cancelUntil, type BookingService } from './booking-service.ts';
import type { Attendee, ClassSchedule, SeatCounts } from './class-schedule.ts';
import type { attendeeSchema, bookingSchema, classSchema } from './schemas.ts';
import type { BookingRow, ClassRow } from './seat-ledger.ts';

type BookingView = z.infer<typeof bookingSchema>;

/** Turns rows into the API's shapes (reads the class of each booking and the counts of each class). */
export class BookingPresenter {
  constructor(private readonly deps: { classes: ClassSchedule; bookings: BookingService; holdSeconds: number }) {}

  async booking(booking: BookingRow, cls?: ClassRow): Promise<BookingView> {
    const owner = cls ?? (await this.deps.classes.get(booking.class_id));
    return {
      id: booking.id,
      classId: booking.class_id,
      classTitle: owner.title,
      startsAt: toIso(owner.starts_at),
      status: booking.status,
      seatNo: booking.seat_no,
      holdExpiresAt: toIsoOrNull(booking.hold_expires_at),
      waitlistPosition: await this.deps.bookings.waitlistRank(booking),
      amountCents: booking.amount_cents,
      currency: owner.currency,
      paid: booking.payment_ref !== null,
      refunded: booking.refunded_at !== null,
      cancelUntil: toIso(cancelUntil(owner)),
      createdAt: toIso(booking.created_at),
      confirmedAt: toIsoOrNull(booking.confirmed_at),
    };
  }

  async bookings(rows: BookingRow[]): Promise<BookingView[]> {
    const classes = new Map<string, ClassRow>();
    for (const row of rows)
      if (!classes.has(row.class_id)) classes.set(row.class_id, await this.deps.classes.get(row.class_id));
    return Promise.all(rows.map((row) => this.booking(row, classes.get(row.class_id))));
  }

  async classes(rows: ClassRow[], viewerId?: string): Promise<z.infer<typeof classSchema>[]> {
    const counts = await this.deps.classes.counts(rows.map((row) => row.id));
    return Promise.all(rows.map((row) => this.present(row, counts.get(row.id)!, viewerId)));
  }

  async class(row: ClassRow, viewerId?: string): Promise<z.infer<typeof classSchema>> {
    return (await this.classes([row], viewerId))[0]!;
  }

  attendee({ booking, username }: Attendee, rank: number | null): z.infer<typeof attendeeSchema> {
    return {
      bookingId: booking.id,
      userId: booking.user_id,
      username,
      status: booking.status,
      seatNo: booking.seat_no,
      waitlistPosition: rank,
      paid: booking.payment_ref !== null,
      createdAt: toIso(booking.created_at),
    };
  }

  private async present(row: ClassRow, counts: SeatCounts, viewerId?: string) {
    const mine = viewerId ? await this.deps.bookings.findLive(viewerId, row.id) : undefined;
    return {
      id: row.id,
      streamId: row.stream_id,
      courseId: row.course_id,
      creatorId: row.creator_id,
      title: row.title,
      description: row.description,
      startsAt: toIso(row.starts_at),
      capacity: row.capacity,
      seatsLeft: Math.max(0, row.capacity - counts.seatsTaken),
      waitlisted: counts.waitlisted,
      priceCents: row.price_cents,
      currency: row.currency,
      cancelCutoffMinutes: row.cancel_cutoff_minutes,
      cancelUntil: toIso(cancelUntil(row)),
      status: row.status,
      holdSeconds: this.deps.holdSeconds,
      myBooking: mine ? await this.booking(mine, row) : null,
    };
  }
}
