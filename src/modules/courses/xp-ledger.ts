import { sql } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';

import type { LeaderboardStore } from './leaderboard-store.ts';
import { ALL_TIME_BOARD, applyAwards, type AwardRequest } from './xp-batch.ts';

export { ALL_TIME_BOARD, courseBoard, mondayOf, weekBoard, type AwardRequest } from './xp-batch.ts';

interface Pending {
  request: AwardRequest;
  resolve: (xp: number) => void;
  reject: (error: unknown) => void;
}

/**
 * XP awards with group commit: requests that arrive while a batch is being written wait and go
 * together in the next one — one transaction and one statement per table for the whole batch
 * (xp-batch.ts), then one pipelined write of the new totals to the leaderboard store. A lone request
 * is written at once (no timer), so latency does not grow when traffic is light; under load the
 * batch grows with it. PostgreSQL stays the source of truth and the judge of "once per source".
 * A batch that fails is retried one request at a time, so one bad request fails alone.
 */
export class XpLedger {
  private queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly db: Executor,
    private readonly boards: LeaderboardStore,
    private readonly maxBatch = 1000,
  ) {}

  /** Resolves with the XP granted once the award is committed (0 when the source already paid). */
  award(request: AwardRequest): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.write(this.queue.splice(0, this.maxBatch));
    this.draining = false;
  }

  private async write(batch: Pending[]): Promise<void> {
    let outcome: Awaited<ReturnType<typeof applyAwards>>;
    try {
      outcome = await inTransaction(this.db, (trx) =>
        applyAwards(
          trx,
          batch.map((pending) => pending.request),
        ),
      );
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const pending of batch) await this.write([pending]);
      return;
    }
    try {
      await this.boards.record(outcome.totals);
      batch.forEach((pending, index) => pending.resolve(outcome.granted[index]!));
    } catch (error) {
      // Committed, but the mirror missed it: `streamhub rebuild leaderboards` restores it from the table.
      for (const pending of batch) pending.reject(error);
    }
  }
}

/**
 * Rebuilds the running totals of every board from the XP events, in one transaction (readers see the
 * old totals until it commits). `reached_at` is when the last XP counted on that board arrived.
 */
export async function recomputeXpTotals(db: Executor): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('course_xp_totals').execute();
    await sql`insert into course_xp_totals (board, user_id, xp, reached_at)
      select ${ALL_TIME_BOARD}, user_id, sum(xp), max(created_at) from course_xp_events where xp > 0 group by user_id
      union all
      select 'course:' || course_id, user_id, sum(xp), max(created_at) from course_xp_events where xp > 0
        group by course_id, user_id
      union all
      select 'week:' || to_char(date_trunc('week', created_at at time zone 'utc'), 'YYYY-MM-DD'), user_id, sum(xp), max(created_at)
        from course_xp_events where xp > 0
        group by date_trunc('week', created_at at time zone 'utc'), user_id`.execute(trx);
  });
}
