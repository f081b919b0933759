import type { Executor } from '../../platform/db/transaction.ts';
import { uploadRepo } from './repo.ts';
import { dailyLimitReached } from './upload-errors.ts';
import { QUOTA_WINDOW_MS } from './upload-policy.ts';

/**
 * Throws 429 (with Retry-After: when the oldest upload in the window leaves it) once the user has
 * started `perDay` uploads in the last 24 hours. Call inside the transaction that then records the
 * new upload: the per-user lock taken here makes check-and-insert atomic.
 */
export async function assertWithinDailyQuota(trx: Executor, userId: string, perDay: number, now: Date): Promise<void> {
  await uploadRepo.lockUserQuota(trx, userId);
  const { count, oldest } = await uploadRepo.startedSince(trx, userId, new Date(now.getTime() - QUOTA_WINDOW_MS));
  if (count < perDay) return;
  const freedAt = (oldest ?? now).getTime() + QUOTA_WINDOW_MS;
  throw dailyLimitReached(perDay, (freedAt - now.getTime()) / 1000);
}
