import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs/job-queue.ts';
import { recurringHandler, scheduleRecurring } from '../../platform/jobs/recurring.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { PubSub } from '../../platform/pubsub/pubsub.ts';
import { registerBuiltinKinds } from './builtin-kinds.ts';
import { FAN_OUT_NEW_VIDEO_JOB, NewVideoFanOut } from './fan-out.ts';
import { NotificationInbox } from './inbox.ts';
import { NotificationKindRegistry } from './kinds.ts';
import { LiveNotifications } from './live.ts';
import { NOTIFICATIONS_QUEUE, NotificationMailQueue, SEND_DIGEST_JOB, SEND_IMMEDIATE_MAIL_JOB } from './mail-jobs.ts';
import { Notifier } from './notifier.ts';
import { NotificationPreferences } from './preferences.ts';
import { pruneNotifications } from './retention.ts';
import { NotificationSources } from './sources.ts';
import { UnsubscribeLinks } from './unsubscribe-links.ts';

export interface NotificationsDeps {
  db: Kysely<DB>;
  jobs: JobQueue;
  events: EventBus;
  pubsub: PubSub;
  mailer: Mailer;
  /** Signs unsubscribe links (a key of its own is derived from it). */
  secret: string;
  config: Pick<Config, 'notifications' | 'publicUrl' | 'host' | 'port'>;
  logger: Logger;
}

/**
 * The notifications module, built once per process from explicit parts (by the composition root,
 * src/modules/services.ts). Other features add kinds
 * through `kinds.register(...)` and notify through `notifier.notify(...)` from their own event consumers.
 */
export function createNotificationsModule(deps: NotificationsDeps) {
  const { db, jobs, pubsub, mailer, config } = deps;
  const publicBaseUrl = (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
  const kinds = new NotificationKindRegistry();
  registerBuiltinKinds(kinds);
  const live = new LiveNotifications({ pubsub });
  const links = new UnsubscribeLinks(deps.secret, publicBaseUrl);
  const mail = new NotificationMailQueue({ db, jobs, mailer, kinds, links, publicBaseUrl });
  const notifier = new Notifier({
    db,
    kinds,
    live,
    mail,
    collapseSeconds: config.notifications.collapseSeconds,
    logger: deps.logger,
  });
  const inbox = new NotificationInbox({ db, live });
  const preferences = new NotificationPreferences({ db, kinds });
  const fanOut = new NewVideoFanOut({ db, notifier });
  const sources = new NotificationSources({ db, jobs, notifier });
  const digestSeconds = config.notifications.digestSeconds;

  return {
    kinds,
    live,
    links,
    mail,
    notifier,
    inbox,
    preferences,
    fanOut,

    /** Consumers, job handlers and the digest schedule; call before `events.start()`. */
    startWorkers(): void {
      sources.subscribe(deps.events);
      const handlers: Record<string, JobHandler<never>> = {
        [FAN_OUT_NEW_VIDEO_JOB]: fanOut.handler() as JobHandler<never>,
        [SEND_IMMEDIATE_MAIL_JOB]: async () => ({ sent: await mail.sendImmediate() }),
        [SEND_DIGEST_JOB]: recurringHandler(jobs, NOTIFICATIONS_QUEUE, SEND_DIGEST_JOB, digestSeconds, async () => {
          // Also a safety net for immediate mail whose wake-up was lost.
          await mail.sendImmediate();
          await mail.sendDigests();
          // Housekeeping rides on the daily digest: no schedule of its own needed.
          await pruneNotifications(db);
        }) as JobHandler<never>,
      };
      jobs.process(
        NOTIFICATIONS_QUEUE,
        async (job) => {
          const handler = handlers[job.name] as JobHandler<unknown> | undefined;
          if (!handler) throw new Error(`no handler for job "${job.name}" on queue ${job.queue}`);
          return handler(job);
        },
        { concurrency: 2 },
      );
    },

    /** The daily digest chain (each run schedules the next); duplicates from several workers collapse. */
    scheduleDigest(): Promise<{ id: string }> {
      return scheduleRecurring(jobs, NOTIFICATIONS_QUEUE, SEND_DIGEST_JOB, digestSeconds);
    },
  };
}

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
