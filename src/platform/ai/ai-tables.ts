import type { ColumnType, Generated } from 'kysely';
import type { AiTask, ProviderKind } from './ports.ts';

export type UsageOutcome = 'ok' | 'error' | 'refused';

/** Column typings for migrations/0013_ai_usage.sql, which is the source of truth. */
export interface AiUsageTable {
  id: Generated<string>;
  task: AiTask;
  provider: ProviderKind;
  model: string;
  outcome: UsageOutcome;
  user_id: string | null;
  video_id: string | null;
  input_tokens: Generated<number>;
  output_tokens: Generated<number>;
  audio_seconds: Generated<number>;
  cost_usd: Generated<number>;
  duration_ms: Generated<number>;
  error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface AiTables {
  ai_usage: AiUsageTable;
}
