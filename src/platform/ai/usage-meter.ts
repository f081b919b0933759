import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AiConfig } from './ai-config.ts';
import type { UsageOutcome } from './ai-tables.ts';
import type { AiTask, ModelInfo, Usage } from './ports.ts';

export interface UsageRecord {
  task: AiTask;
  model: ModelInfo;
  outcome: UsageOutcome;
  usage: Usage;
  userId?: string | null;
  videoId?: string | null;
  durationMs: number;
  error?: string;
}

/** Local models cost nothing; remote calls are priced per token and per audio minute from config. */
export function estimateCostUsd(model: ModelInfo, usage: Usage, prices: AiConfig['prices']): number {
  if (model.provider === 'local') return 0;
  return (
    ((usage.inputTokens ?? 0) * prices.inputPerMillionTokens +
      (usage.outputTokens ?? 0) * prices.outputPerMillionTokens) /
      1_000_000 +
    ((usage.audioSeconds ?? 0) / 60) * prices.audioPerMinute
  );
}

/** Start of the current UTC day: quotas and the budget are per calendar day, the same for every process. */
export function startOfUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Writes one `ai_usage` row per provider call and sums today's remote spending. */
export class UsageMeter {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly prices: AiConfig['prices'],
  ) {}

  async record(entry: UsageRecord): Promise<number> {
    const costUsd = entry.outcome === 'ok' ? estimateCostUsd(entry.model, entry.usage, this.prices) : 0;
    await this.db
      .insertInto('ai_usage')
      .values({
        task: entry.task,
        provider: entry.model.provider,
        model: entry.model.name,
        outcome: entry.outcome,
        user_id: entry.userId ?? null,
        video_id: entry.videoId ?? null,
        input_tokens: Math.round(entry.usage.inputTokens ?? 0),
        output_tokens: Math.round(entry.usage.outputTokens ?? 0),
        audio_seconds: entry.usage.audioSeconds ?? 0,
        cost_usd: costUsd,
        duration_ms: Math.round(entry.durationMs),
        error: entry.error?.slice(0, 1000) ?? null,
      })
      .execute();
    return costUsd;
  }

  /** Estimated remote spending since the start of today (UTC), for one user or (no user) in total. */
  async remoteSpentToday(userId?: string): Promise<number> {
    let query = this.db
      .selectFrom('ai_usage')
      .select(sql<number>`coalesce(sum(cost_usd), 0)::float8`.as('spent'))
      .where('provider', '=', 'remote')
      .where('created_at', '>=', startOfUtcDay());
    if (userId) query = query.where('user_id', '=', userId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.spent);
  }
}
