import { AppError } from '../http/errors.ts';
import type { AiConfig } from './ai-config.ts';
import type { AiTask } from './ports.ts';
import type { UsageMeter } from './usage-meter.ts';
import { ErrorCode } from '../http/error-codes.ts';

/** Seconds until the next UTC midnight, when daily quotas and the budget start over. */
function secondsUntilUtcMidnight(now = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.ceil((midnight - now.getTime()) / 1000);
}

/** A remote call refused because the user's daily quota or the instance's daily budget is spent. */
export class AiSpendingLimitError extends AppError {
  constructor(code: typeof ErrorCode.AI_QUOTA_EXCEEDED | typeof ErrorCode.AI_BUDGET_EXHAUSTED, message: string) {
    super(429, code, message, undefined, { 'retry-after': String(secondsUntilUtcMidnight()) });
    this.name = 'AiSpendingLimitError';
  }
}

/**
 * Checked before every remote call. The check and the call are not one transaction, so calls racing
 * past the check together can overshoot a limit by their own cost; the next call is refused.
 */
export class SpendingLimits {
  constructor(
    private readonly meter: UsageMeter,
    private readonly limits: Pick<AiConfig, 'userDailyQuotaUsd' | 'dailyBudgetUsd'>,
  ) {}

  async assertRemoteAllowed(task: AiTask, userId?: string | null): Promise<void> {
    const spent = await this.meter.remoteSpentToday();
    if (spent >= this.limits.dailyBudgetUsd) {
      throw new AiSpendingLimitError(
        ErrorCode.AI_BUDGET_EXHAUSTED,
        `The instance's daily AI budget ($${this.limits.dailyBudgetUsd.toFixed(2)}) is spent; remote ${task} resumes at 00:00 UTC`,
      );
    }
    if (!userId) return;
    const userSpent = await this.meter.remoteSpentToday(userId);
    if (userSpent >= this.limits.userDailyQuotaUsd) {
      throw new AiSpendingLimitError(
        ErrorCode.AI_QUOTA_EXCEEDED,
        `Your daily AI quota ($${this.limits.userDailyQuotaUsd.toFixed(2)}) is spent; remote ${task} resumes at 00:00 UTC`,
      );
    }
  }
}
