import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { NotificationKindRegistry } from './kinds.ts';
import type { UnsubscribeLinks } from './unsubscribe-links.ts';

export const NOTIFICATIONS_QUEUE = 'notifications';
export const SEND_IMMEDIATE_MAIL_JOB = 'send-notification-mail';
export const SEND_DIGEST_JOB = 'send-notification-digest';

/** Immediate mail is sent by at most one job per this period. */
const WAKE_SLOT_MS = 1000;

/** Rows claimed per statement: each claim is one short UPDATE, then the mails go out. */
const CLAIM_BATCH = 200;

interface ClaimedRow {
  id: string;
  recipient_id: string;
  kind: string;
  data: Record<string, unknown>;
  item_count: number;
  email: string;
  username: string;
}

/**
 * Mail owed by notification rows (`mail_pending`). A sender claims rows by clearing the mark in one
 * UPDATE ... SKIP LOCKED (so several workers never mail the same row), sends, and puts the mark back
 * if sending failed, so the job's retry sends it. A crash between the claim and the send loses that
 * mail rather than sending it twice; the notification itself stays in the app.
 */
export class NotificationMailQueue {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      jobs: JobQueue;
      mailer: Mailer;
      kinds: NotificationKindRegistry;
      links: UnsubscribeLinks;
      publicBaseUrl: string;
    },
  ) {}

  /**
   * Asks for the immediate-mail job of the current second, which starts when that second is over: all
   * wakes of one second share a job, and a wake never joins a job that may already have made its last
   * claim (it would return a running job that finishes without seeing the new rows). Mail waits ≤ 1 s.
   */
  async wake(now = Date.now()): Promise<void> {
    const slot = Math.floor(now / WAKE_SLOT_MS);
    await this.deps.jobs.enqueue(
      NOTIFICATIONS_QUEUE,
      SEND_IMMEDIATE_MAIL_JOB,
      {},
      {
        priority: 'normal',
        attempts: 5,
        backoffMs: 5000,
        delayMs: (slot + 1) * WAKE_SLOT_MS - now,
        dedupeKey: `${SEND_IMMEDIATE_MAIL_JOB}:${slot}`,
      },
    );
  }

  /** One mail per notification marked 'immediate'. Resolves with how many were sent. */
  async sendImmediate(): Promise<number> {
    let sent = 0;
    for (;;) {
      const rows = await this.claim(
        'immediate',
        sql`select id from notifications where mail_pending = 'immediate' order by position limit ${CLAIM_BATCH} for update skip locked`,
      );
      if (rows.length === 0) return sent;
      for (const [index, row] of rows.entries()) {
        const rendered = this.deps.kinds.render(row.kind, row.data, row.item_count);
        const target = { userId: row.recipient_id, kind: row.kind };
        const label = this.deps.kinds.get(row.kind)?.label ?? row.kind;
        await this.send(rows.slice(index), 'immediate', {
          to: row.email,
          subject: rendered.text.length > 120 ? `${rendered.text.slice(0, 117)}…` : rendered.text,
          text: [
            `Hi ${row.username},`,
            '',
            rendered.text,
            `${this.deps.publicBaseUrl}${rendered.link}`,
            '',
            `You get these mails for "${label}". Stop them with one click: ${this.deps.links.pageUrl(target)}`,
            `Change what StreamHub sends you: ${this.deps.publicBaseUrl}/settings/notifications`,
          ].join('\n'),
          headers: this.deps.links.headers(target),
        });
        sent += 1;
      }
    }
  }

  /** One mail per user listing every notification marked 'digest' since the last digest. */
  async sendDigests(): Promise<number> {
    let sent = 0;
    for (;;) {
      // Whole users at a time: a user's digest rows are claimed together, so each user gets one mail.
      const rows = await this.claim(
        'digest',
        sql`select id from notifications where mail_pending = 'digest' and recipient_id in (
        select recipient_id from notifications where mail_pending = 'digest' group by recipient_id order by recipient_id limit ${CLAIM_BATCH / 10}
      ) for update skip locked`,
      );
      if (rows.length === 0) return sent;
      const byUser = new Map<string, ClaimedRow[]>();
      for (const row of rows) byUser.set(row.recipient_id, [...(byUser.get(row.recipient_id) ?? []), row]);
      const users = [...byUser.values()];
      for (const [index, items] of users.entries()) {
        const first = items[0]!;
        const target = { userId: first.recipient_id, kind: 'all' };
        const lines = items.map((item) => {
          const rendered = this.deps.kinds.render(item.kind, item.data, item.item_count);
          return `- ${rendered.text}\n  ${this.deps.publicBaseUrl}${rendered.link}`;
        });
        await this.send(users.slice(index).flat(), 'digest', {
          to: first.email,
          subject: `Your StreamHub digest: ${items.length} ${items.length === 1 ? 'notification' : 'notifications'}`,
          text: [
            `Hi ${first.username}, here is what happened since your last digest:`,
            '',
            ...lines,
            '',
            `Stop digest mails with one click: ${this.deps.links.pageUrl(target)}`,
            `Change what StreamHub sends you: ${this.deps.publicBaseUrl}/settings/notifications`,
          ].join('\n'),
          headers: this.deps.links.headers(target),
        });
        sent += 1;
      }
    }
  }

  private async claim(mark: 'immediate' | 'digest', ids: ReturnType<typeof sql>): Promise<ClaimedRow[]> {
    const { rows } = await sql<ClaimedRow>`
      with claimed as (
        update notifications set mail_pending = null where id in (${ids}) and mail_pending = ${mark}
        returning id, recipient_id, kind, data, item_count, position
      )
      select c.id, c.recipient_id::text, c.kind, c.data, c.item_count, u.email, u.username
      from claimed c join users u on u.id = c.recipient_id
      where u.banned_at is null
      order by c.recipient_id, c.position`.execute(this.deps.db);
    return rows;
  }

  /** On failure the unsent rows (this one and the rest of the claim) get their mark back, and the error fails the job run. */
  private async send(
    unsent: ClaimedRow[],
    mark: 'immediate' | 'digest',
    message: Parameters<Mailer['send']>[0],
  ): Promise<void> {
    try {
      await this.deps.mailer.send(message);
    } catch (error) {
      await this.deps.db
        .updateTable('notifications')
        .set({ mail_pending: mark })
        .where(
          'id',
          'in',
          unsent.map((row) => row.id),
        )
        .execute();
      throw error;
    }
  }
}
