import { z } from 'zod';
import { AI_TASKS, type AiTask } from './ports.ts';

/**
 * The AI layer's environment keys. `src/config.ts` spreads this schema into the one env schema it
 * parses, so config.ts stays the only reader of process.env; the keys live here because they are many.
 *
 * A task goes remote when it has a base URL (`AI_<TASK>_BASE_URL`, else `AI_BASE_URL`) and a model
 * (`AI_<TASK>_MODEL`); its local provider stays behind it as the fallback.
 */
const optionalUrl = z.string().url('must be a URL such as http://127.0.0.1:11434/v1').optional();
const usd = (fallback: number) => z.coerce.number().min(0).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const taskKeys = Object.fromEntries(
  AI_TASKS.flatMap((task) => {
    const prefix = `AI_${task.toUpperCase()}`;
    return [
      [`${prefix}_BASE_URL`, optionalUrl],
      [`${prefix}_API_KEY`, z.string().min(1).optional()],
      [`${prefix}_MODEL`, z.string().min(1).max(200).optional()],
    ];
  }),
) as Record<`AI_${Uppercase<AiTask>}_${'BASE_URL' | 'API_KEY' | 'MODEL'}`, z.ZodOptional<z.ZodString>>;

export const aiEnvSchema = z.object({
  AI_BASE_URL: optionalUrl,
  AI_API_KEY: z.string().min(1).optional(),
  ...taskKeys,
  /** One remote call longer than this is abandoned and the next provider in the chain is tried. */
  AI_TIMEOUT_MS: positiveInt(60_000),
  /** Prices used to estimate the cost of remote calls (USD). */
  AI_PRICE_INPUT_PER_MTOK: usd(0),
  AI_PRICE_OUTPUT_PER_MTOK: usd(0),
  AI_PRICE_AUDIO_PER_MINUTE: usd(0),
  /** Estimated remote spending allowed per user per UTC day, and for the whole instance. */
  AI_USER_DAILY_QUOTA_USD: usd(1),
  AI_DAILY_BUDGET_USD: usd(20),
  AI_EMBEDDING_BATCH_SIZE: positiveInt(32),
  AI_EMBEDDING_BATCH_WAIT_MS: positiveInt(200),
  AI_POCKETSPHINX_MODEL_DIR: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us'),
});

export interface RemoteTaskConfig {
  baseUrl: string;
  apiKey?: string;
  model: string;
}

export interface AiConfig {
  /** Remote (OpenAI-compatible) endpoint per task; absent = local only. */
  remote: Partial<Record<AiTask, RemoteTaskConfig>>;
  timeoutMs: number;
  prices: { inputPerMillionTokens: number; outputPerMillionTokens: number; audioPerMinute: number };
  userDailyQuotaUsd: number;
  dailyBudgetUsd: number;
  /** Embeddings are computed in batches of up to `size` texts, or whatever arrived within `waitMs`. */
  embeddingBatch: { size: number; waitMs: number };
  pocketsphinxModelDir: string;
}

export function readAiConfig(env: z.output<typeof aiEnvSchema>): AiConfig {
  const remote: Partial<Record<AiTask, RemoteTaskConfig>> = {};
  for (const task of AI_TASKS) {
    const prefix = `AI_${task.toUpperCase()}` as `AI_${Uppercase<AiTask>}`;
    const baseUrl = env[`${prefix}_BASE_URL`] ?? env.AI_BASE_URL;
    const model = env[`${prefix}_MODEL`];
    if (baseUrl && model) remote[task] = { baseUrl, model, apiKey: env[`${prefix}_API_KEY`] ?? env.AI_API_KEY };
  }
  return {
    remote,
    timeoutMs: env.AI_TIMEOUT_MS,
    prices: {
      inputPerMillionTokens: env.AI_PRICE_INPUT_PER_MTOK,
      outputPerMillionTokens: env.AI_PRICE_OUTPUT_PER_MTOK,
      audioPerMinute: env.AI_PRICE_AUDIO_PER_MINUTE,
    },
    userDailyQuotaUsd: env.AI_USER_DAILY_QUOTA_USD,
    dailyBudgetUsd: env.AI_DAILY_BUDGET_USD,
    embeddingBatch: { size: env.AI_EMBEDDING_BATCH_SIZE, waitMs: env.AI_EMBEDDING_BATCH_WAIT_MS },
    pocketsphinxModelDir: env.AI_POCKETSPHINX_MODEL_DIR,
  };
}
