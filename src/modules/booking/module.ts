import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { recurringHandler, scheduleRecurring } from '../../platform/jobs/recurring.ts';
import { createPaymentProvider } from '../../platform/payments/fake-payment-provider.ts';
import type { PaymentProvider } from '../../platform/payments/payment-provider.ts';
import { ChatRefusal, type ChatService } from '../live/chat/chat-service.ts';
import type { LiveStreamService } from '../live/live-streams.ts';
import type { NotificationsModule } from '../notifications/module.ts';
import { BookingEffects, registerBookingKinds } from './booking-notifications.ts';
import { BookingService } from './booking-service.ts';
import { BookingSweeper } from './booking-sweeper.ts';
import { ClassSchedule } from './class-schedule.ts';
import { BookingPresenter } from './presenter.ts';

export const BOOKING_QUEUE = 'booking';
export const SWEEP_BOOKINGS_JOB = 'sweep-bookings';

export interface BookingDeps {
  db: Kysely<DB>;
  jobs: JobQueue;
  notifications: NotificationsModule;
  liveStreams: LiveStreamService;
  /** The live chat: a class's chat admits only its confirmed attendees (and the creator and moderators). */
  chat: Pick<ChatService, 'addPostingRule'>;
  config: Config['booking'];
  logger: Logger;
  /** The payment provider; by default the one PAYMENT_PROVIDER names. */
  payments?: PaymentProvider;
}

/** Live class booking, built once per process by the composition root (src/modules/services.ts). */
export function createBookingModule(deps: BookingDeps) {
  const { db, jobs, notifications, config } = deps;
  registerBookingKinds(notifications);
  const payments = deps.payments ?? createPaymentProvider(config.paymentProvider);
  const effects = new BookingEffects({ db, notifications, payments, logger: deps.logger });
  const bookings = new BookingService({ db, payments, effects, settings: config });
  const sweeper = new BookingSweeper({ db, notifications, effects, timings: config });
  const sweep = recurringHandler(jobs, BOOKING_QUEUE, SWEEP_BOOKINGS_JOB, config.sweepSeconds, async () => {
    const result = await sweeper.sweep();
    if (result.expired + result.reminded > 0) deps.logger.info(result, 'booking sweep');
  });
  const classes = new ClassSchedule({ db, liveStreams: deps.liveStreams });
  deps.chat.addPostingRule(async (stream, author) =>
    (await classes.admitsToChat(stream.id, author.id))
      ? undefined
      : new ChatRefusal('ATTENDEES_ONLY', 'Only confirmed attendees of this class can chat'),
  );
  return {
    classes,
    bookings,
    presenter: new BookingPresenter({ classes, bookings, holdSeconds: config.holdSeconds }),
    sweeper,
    payments,
    /** The sweep job's consumer. */
    startWorkers(): void {
      jobs.process(BOOKING_QUEUE, sweep);
    },
    /** The sweep's next slot; the chain (one job per slot) collapses duplicates from any number of workers. */
    scheduleSweep(): Promise<{ id: string }> {
      return scheduleRecurring(jobs, BOOKING_QUEUE, SWEEP_BOOKINGS_JOB, config.sweepSeconds);
    },
  };
}

export type BookingModule = ReturnType<typeof createBookingModule>;
