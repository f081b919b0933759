import { api, unwrap } from '../api/typed-client.ts';

export type LiveClass = Awaited<ReturnType<typeof bookingApi.class>>;
export type Booking = NonNullable<LiveClass['myBooking']>;
export type Attendee = Awaited<ReturnType<typeof bookingApi.attendees>>[number];
export type ScheduleClassInput = Parameters<typeof bookingApi.schedule>[0];

export const BOOKING_KEY = ['booking'] as const;
const byId = (id: string) => ({ params: { path: { id } } });

export const bookingApi = {
  class: (id: string) => unwrap(api.GET('/api/v1/classes/{id}', byId(id))),
  upcoming: () => unwrap(api.GET('/api/v1/classes', { params: { query: { limit: 50 } } })),
  teaching: () => unwrap(api.GET('/api/v1/classes/teaching', { params: { query: { limit: 50 } } })),
  attendees: (id: string) => unwrap(api.GET('/api/v1/classes/{id}/attendees', byId(id))),
  schedule: (body: {
    streamId: string;
    capacity: number;
    priceCents?: number;
    currency?: string;
    cancelCutoffMinutes?: number;
    courseId?: string;
  }) => unwrap(api.POST('/api/v1/classes', { body })),
  /** One Idempotency-Key per click: a retried request (flaky network) books once. */
  book: (id: string, idempotencyKey: string) =>
    unwrap(
      api.POST('/api/v1/classes/{id}/bookings', {
        params: { path: { id }, header: { 'idempotency-key': idempotencyKey } },
        body: {},
      }),
    ),
  confirm: (id: string, paymentToken?: string) =>
    unwrap(api.POST('/api/v1/bookings/{id}/confirm', { ...byId(id), body: paymentToken ? { paymentToken } : {} })),
  cancel: (id: string) => unwrap(api.POST('/api/v1/bookings/{id}/cancel', byId(id))),
  mine: () => unwrap(api.GET('/api/v1/bookings', { params: { query: { limit: 50 } } })),
};

export const formatPrice = (cents: number, currency: string) =>
  cents === 0 ? 'Free' : new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);

export const STATUS_LABELS: Record<Booking['status'], string> = {
  held: 'Seat held',
  paying: 'Paying…',
  confirmed: 'Confirmed',
  waitlisted: 'On the waitlist',
  cancelled: 'Cancelled',
  expired: 'Hold expired',
  payment_failed: 'Payment failed',
};
