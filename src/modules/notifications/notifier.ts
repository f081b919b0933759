import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../platform/db/schema.ts';
import type { NotificationData, NotificationKindRegistry } from './kinds.ts';
import type { LiveNotifications } from './live.ts';
import type { NotificationMailQueue } from './mail-jobs.ts';

export interface NotifyRequest {
  /** What makes this notification unique per recipient: the event id, or `<event id>:<part>`. */
  sourceKey: string;
  kind: string;
  recipients: readonly string[];
  actorId?: string | null;
  data: NotificationData;
  /** Unread rows of the same group within the collapse window become one row ("3 new videos from X"). */
  groupKey?: string;
}

interface TargetRow {
  recipient_id: string;
  mail: 'immediate' | 'digest' | null;
}

/**
 * Writes notifications. One statement per batch of recipients does everything that must agree:
 * reads their preferences for the kind (skipping those who turned it off), takes an idempotency
 * receipt per (source, recipient) so a redelivered event notifies no one twice, folds the new event
 * into a recent unread row of the same group, or inserts a new row, marking any mail owed. After the
 * write it tells open tabs and wakes the mail job.
 */
export class Notifier {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      kinds: NotificationKindRegistry;
      live: LiveNotifications;
      mail: NotificationMailQueue;
      collapseSeconds: number;
      logger: Logger;
    },
  ) {}

  /**
   * Resolves with the recipients actually notified now (a redelivery resolves with none). Runs as its
   * own statement, never inside a caller's transaction: the receipts are the idempotency, and open
   * tabs must not hear of rows before they are committed.
   */
  async notify(request: NotifyRequest): Promise<string[]> {
    const recipients = [...new Set(request.recipients)];
    if (recipients.length === 0) return [];
    const kind = this.deps.kinds.require(request.kind);
    const groupKey = request.groupKey ?? null;
    const { rows } = await sql<TargetRow>`
      with candidates as (
        select r.id as recipient_id, coalesce(p.delivery, ${kind.defaultDelivery}) as delivery
        from unnest(${recipients}::uuid[]) as r(id)
        -- Accounts deleted meanwhile drop out (their receipt would break the foreign key), banned ones too.
        join users u on u.id = r.id and u.banned_at is null
        left join notification_preferences p on p.user_id = r.id and p.kind = ${kind.id}
      ), fresh as (
        insert into notification_receipts (source_key, recipient_id)
        select ${request.sourceKey}, recipient_id from candidates where delivery <> 'off'
        on conflict do nothing
        returning recipient_id
      ), targets as (
        select c.recipient_id,
               case c.delivery when 'mail_immediate' then 'immediate' when 'mail_digest' then 'digest' end as mail
        from candidates c join fresh f on f.recipient_id = c.recipient_id
      ), collapsed as (
        update notifications n
        set item_count = n.item_count + 1, data = ${JSON.stringify(request.data)}::jsonb, actor_id = ${request.actorId ?? null},
            position = nextval('notifications_position_seq'), updated_at = now(),
            mail_pending = coalesce(n.mail_pending, t.mail)
        from targets t
        where ${groupKey}::text is not null and n.recipient_id = t.recipient_id and n.group_key = ${groupKey}
          and n.read_at is null and n.updated_at > now() - make_interval(secs => ${this.deps.collapseSeconds})
        returning n.recipient_id
      ), inserted as (
        insert into notifications (recipient_id, kind, group_key, actor_id, data, mail_pending)
        select t.recipient_id, ${kind.id}, ${groupKey}, ${request.actorId ?? null}, ${JSON.stringify(request.data)}::jsonb, t.mail
        from targets t
        where not exists (select 1 from collapsed c where c.recipient_id = t.recipient_id)
        returning recipient_id
      )
      select recipient_id::text, mail from targets`.execute(this.deps.db);
    const notified = rows.map((row) => row.recipient_id);
    if (notified.length > 0)
      await this.afterWrite(
        notified,
        rows.some((row) => row.mail === 'immediate'),
      );
    return notified;
  }

  /**
   * The statement has committed by now (it is its own transaction), so readers see what we announce.
   * Neither step may fail the caller: a retry would find the receipts and announce nothing. Open tabs
   * re-read on their heartbeat, and every digest run also sends any immediate mail still owed.
   */
  private async afterWrite(notified: string[], mailNow: boolean): Promise<void> {
    await this.deps.live
      .changed(notified)
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error }, 'announcing new notifications to open tabs failed'),
      );
    if (mailNow)
      await this.deps.mail
        .wake()
        .catch((error: unknown) =>
          this.deps.logger.warn(
            { err: error },
            'waking the notification mail job failed; the next digest run sends the mail',
          ),
        );
  }
}
