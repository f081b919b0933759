import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ClassStatus = 'open' | 'cancelled';
export type BookingStatus = 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
/** The statuses that keep a learner's place: a seat (held, paying, confirmed) or a place in line. */
export const LIVE_BOOKING_STATUSES = ['held', 'paying', 'confirmed', 'waitlisted'] as const;
/** The statuses that occupy a seat. */
export const SEATED_STATUSES = ['held', 'paying', 'confirmed'] as const;

/** See migrations/0130_live_class_booking.sql. */
export interface LiveClassesTable {
  id: Generated<string>;
  creator_id: string;
  stream_id: string;
  course_id: string | null;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  starts_at: Timestamp;
  capacity: number;
  price_cents: ColumnType<number, number | undefined, number>;
  currency: ColumnType<string, string | undefined, string>;
  cancel_cutoff_minutes: ColumnType<number, number | undefined, number>;
  status: ColumnType<ClassStatus, ClassStatus | undefined, ClassStatus>;
  reminded_day_at: NullableTimestamp;
  reminded_soon_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LiveClassSeatsTable {
  class_id: string;
  seat_no: number;
}

export interface LiveClassBookingsTable {
  id: Generated<string>;
  class_id: string;
  user_id: string;
  status: BookingStatus;
  seat_no: number | null;
  hold_expires_at: NullableTimestamp;
  waitlist_position: ColumnType<number | null, number | null | undefined, number | null>;
  amount_cents: ColumnType<number, number | undefined, number>;
  payment_ref: string | null;
  refunded_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
  confirmed_at: NullableTimestamp;
  ended_at: NullableTimestamp;
}

export interface BookingTables {
  live_classes: LiveClassesTable;
  live_class_seats: LiveClassSeatsTable;
  live_class_bookings: LiveClassBookingsTable;
}
