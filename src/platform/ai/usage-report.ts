import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface UsageFigures {
  calls: number;
  failures: number;
  inputTokens: number;
  outputTokens: number;
  audioSeconds: number;
  costUsd: number;
}

export interface ProviderHealth {
  provider: string;
  lastOkAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
}

export interface AiUsageReport {
  days: number;
  totals: UsageFigures;
  perDay: (UsageFigures & { day: string })[];
  perTask: (UsageFigures & { task: string; provider: string; model: string })[];
  /** Users by cost, then calls; names are the caller's to look up (the users module owns them). */
  topUsers: (UsageFigures & { userId: string })[];
  providers: { task: string; chain: ProviderHealth[] }[];
  limits: { dailyBudgetUsd: number; userDailyQuotaUsd: number; spentTodayUsd: number };
}

export interface UsageReportDeps {
  db: Kysely<DB>;
  /** Per task, the providers in fallback order as `kind:model` (what /ready lists). */
  providerChains: () => Record<string, string[]>;
  limits: { dailyBudgetUsd: number; userDailyQuotaUsd: number };
}

const TOP_USERS = 10;

// Sums over ai_usage rows; numeric columns come back as strings from PostgreSQL, hence Number().
const figures = sql<string>`count(*) as calls, count(*) filter (where outcome <> 'ok') as failures,
  coalesce(sum(input_tokens), 0) as input_tokens, coalesce(sum(output_tokens), 0) as output_tokens,
  coalesce(sum(audio_seconds), 0) as audio_seconds, coalesce(sum(cost_usd), 0) as cost_usd`;

type FigureRow = {
  calls: unknown;
  failures: unknown;
  input_tokens: unknown;
  output_tokens: unknown;
  audio_seconds: unknown;
  cost_usd: unknown;
};
const toFigures = (row: FigureRow | undefined): UsageFigures => ({
  calls: Number(row?.calls ?? 0),
  failures: Number(row?.failures ?? 0),
  inputTokens: Number(row?.input_tokens ?? 0),
  outputTokens: Number(row?.output_tokens ?? 0),
  audioSeconds: Math.round(Number(row?.audio_seconds ?? 0) * 10) / 10,
  costUsd: Math.round(Number(row?.cost_usd ?? 0) * 1e6) / 1e6,
});

/** What the AI layer did and cost (from the metered `ai_usage` rows, which the platform owns), for the admin's AI usage page. */
export class AiUsageReporter {
  constructor(private readonly deps: UsageReportDeps) {}

  async report(days: number): Promise<AiUsageReport> {
    const db = this.deps.db;
    const since = new Date(Date.now() - days * 86_400_000);
    const startOfToday = new Date(new Date().toISOString().slice(0, 10));
    const [totals, perDay, perTask, users, today, health] = await Promise.all([
      sql<FigureRow>`select ${figures} from ai_usage where created_at >= ${since}`.execute(db),
      sql<FigureRow & { day: string }>`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, ${figures}
        from ai_usage where created_at >= ${since} group by 1 order by 1`.execute(db),
      sql<FigureRow & { task: string; provider: string; model: string }>`select task, provider, model, ${figures}
        from ai_usage where created_at >= ${since} group by task, provider, model order by count(*) desc`.execute(db),
      sql<
        FigureRow & { user_id: string }
      >`select user_id, ${figures} from ai_usage where created_at >= ${since} and user_id is not null
        group by user_id order by sum(cost_usd) desc, count(*) desc limit ${TOP_USERS}`.execute(db),
      sql<{
        cost: unknown;
      }>`select coalesce(sum(cost_usd), 0) as cost from ai_usage where created_at >= ${startOfToday} and provider = 'remote'`.execute(
        db,
      ),
      sql<{ name: string; last_ok: Date | null; last_error: Date | null; error: string | null }>`
        select provider || ':' || model as name,
               max(created_at) filter (where outcome = 'ok') as last_ok,
               max(created_at) filter (where outcome = 'error') as last_error,
               (array_agg(error order by created_at desc) filter (where outcome = 'error'))[1] as error
        from ai_usage where created_at >= ${since} group by 1`.execute(db),
    ]);
    const healthByName = new Map(health.rows.map((row) => [row.name, row]));
    const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);
    const topUsers = users.rows.map((row) => ({ userId: row.user_id, ...toFigures(row) }));
    return {
      days,
      totals: toFigures(totals.rows[0]),
      perDay: perDay.rows.map((row) => ({ day: row.day, ...toFigures(row) })),
      perTask: perTask.rows.map((row) => ({
        task: row.task,
        provider: row.provider,
        model: row.model,
        ...toFigures(row),
      })),
      topUsers,
      providers: Object.entries(this.deps.providerChains()).map(([task, chain]) => ({
        task,
        chain: chain.map((provider) => {
          const seen = healthByName.get(provider);
          return {
            provider,
            lastOkAt: iso(seen?.last_ok),
            lastErrorAt: iso(seen?.last_error),
            lastError: seen?.error ?? null,
          };
        }),
      })),
      limits: { ...this.deps.limits, spentTodayUsd: Math.round(Number(today.rows[0]?.cost ?? 0) * 1e6) / 1e6 },
    };
  }
}

/** AI spending over a period (remote calls cost money; local ones are metered at 0), for platform analytics. */
export async function aiSpendBetween(
  db: Kysely<DB>,
  from: Date,
  to: Date,
): Promise<{ costUsd: number; calls: number }> {
  const row = await db
    .selectFrom('ai_usage')
    .select([sql<number>`coalesce(sum(cost_usd), 0)::float8`.as('cost'), sql<number>`count(*)::int`.as('calls')])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  return { costUsd: Number(row.cost), calls: Number(row.calls) };
}
