import type { Logger } from 'pino';
import type { PaymentProvider } from '../../platform/payments/payment-provider.ts';
import { field } from '../notifications/kinds.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import type { BookingEffect, BookingRow, ClassRow } from './seat-ledger.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export const BOOKING_KINDS = {
  confirmed: 'booking.confirmed',
  promoted: 'booking.promoted',
  expired: 'booking.hold_expired',
  reminder: 'booking.reminder',
} as const;

const classLink = (data: Record<string, unknown>) => `/classes/${field(data, 'classId')}`;

/** The booking kinds, registered with the notifications module like any feature's kinds. */
export function registerBookingKinds(notifications: NotificationsModule): void {
  const { kinds } = notifications;
  kinds.register({
    id: BOOKING_KINDS.confirmed,
    label: 'Class bookings confirmed',
    description: 'When your seat in a live class is confirmed.',
    defaultDelivery: 'in_app',
    audience: 'everyone',
    render: (data) => ({ text: `Your seat for “${field(data, 'title')}” is confirmed`, link: classLink(data) }),
  });
  kinds.register({
    id: BOOKING_KINDS.promoted,
    label: 'Waitlist seats',
    description: 'When a seat frees up for you in a live class you are waitlisted for.',
    defaultDelivery: 'mail_immediate',
    audience: 'everyone',
    render: (data) => ({
      text:
        data.confirmed === true
          ? `A seat opened up: you are in “${field(data, 'title')}”`
          : `A seat opened up in “${field(data, 'title')}”: pay before ${field(data, 'holdExpiresAt')} to keep it`,
      link: classLink(data),
    }),
  });
  kinds.register({
    id: BOOKING_KINDS.expired,
    label: 'Expired seat holds',
    description: 'When a seat held for you ran out of time before you confirmed it.',
    defaultDelivery: 'in_app',
    audience: 'everyone',
    render: (data) => ({ text: `Your held seat for “${field(data, 'title')}” was released`, link: classLink(data) }),
  });
  kinds.register({
    id: BOOKING_KINDS.reminder,
    label: 'Class reminders',
    description: 'A day and a quarter of an hour before a live class you booked.',
    defaultDelivery: 'mail_immediate',
    audience: 'everyone',
    render: (data) => ({
      text: `“${field(data, 'title')}” starts ${data.when === 'soon' ? 'in 15 minutes' : 'within a day'} (${field(data, 'startsAt')})`,
      link: classLink(data),
    }),
  });
}

/**
 * Carries out what committed seat changes owe: notifications, and refunds of payments whose seat was
 * lost (a stalled payment expired, a paid seat cancelled). Failures are logged, never thrown: the seat
 * change already happened; refunds are idempotent by key and retried by the next sweep of the booking.
 */
export class BookingEffects {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      notifications: NotificationsModule;
      payments: PaymentProvider;
      logger: Logger;
    },
  ) {}

  async run(effects: readonly BookingEffect[]): Promise<void> {
    for (const effect of effects) {
      try {
        await this.apply(effect);
      } catch (error) {
        this.deps.logger.warn(
          { err: error, effect: effect.kind, bookingId: effect.booking.id },
          'booking effect failed',
        );
      }
    }
  }

  private async apply(effect: BookingEffect): Promise<void> {
    const { booking } = effect;
    if (effect.kind === 'refund' || (effect.kind === 'expired' && effect.refund)) await this.refund(booking);
    if (effect.kind === 'refund') return;
    const kind = BOOKING_KINDS[effect.kind];
    await this.deps.notifications.notifier.notify({
      sourceKey: `${kind}:${booking.id}:${booking.updated_at.getTime()}`,
      kind,
      recipients: [booking.user_id],
      actorId: effect.cls.creator_id,
      data: this.data(effect.cls, booking),
    });
  }

  private data(cls: ClassRow, booking: BookingRow) {
    return {
      classId: cls.id,
      title: cls.title,
      bookingId: booking.id,
      confirmed: booking.status === 'confirmed',
      holdExpiresAt: booking.hold_expires_at?.toISOString() ?? '',
    };
  }

  private async refund(booking: BookingRow): Promise<void> {
    if (booking.amount_cents === 0) return;
    if (await this.deps.payments.refund(paymentKey(booking.id))) {
      await this.deps.db
        .updateTable('live_class_bookings')
        .set({ refunded_at: new Date() })
        .where('id', '=', booking.id)
        .execute();
    }
  }
}

/** The payment idempotency key of a booking: one charge per booking, whatever retries happen. */
export const paymentKey = (bookingId: string) => `live-class-booking:${bookingId}`;
