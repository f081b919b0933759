// Shared by the analytics tests: sending player batches as a given browser, and draining the
// pipeline (buffer -> raw table -> rollups) on demand instead of waiting for the workers' timers.
import type { LightMyRequestResponse } from 'fastify';
import { bearer, type TestApp } from '../../../test/support/app.ts';
import type { TestAccount } from '../channels/channel-test-support.ts';
import { runAnalyticsRollup } from './rollup.ts';

export const DESKTOP_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
export const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

export interface BatchOptions {
  as?: TestAccount;
  userAgent?: string;
  headers?: Record<string, string>;
  referrer?: string;
  sentAt?: number;
}

export function sendBatch(
  t: TestApp,
  sessionId: string,
  videoId: string,
  events: object[],
  options: BatchOptions = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/events',
    headers: {
      'user-agent': options.userAgent ?? DESKTOP_CHROME,
      ...(options.as ? bearer(options.as.token) : {}),
      ...options.headers,
    },
    payload: {
      sessionId,
      videoId,
      referrer: options.referrer ?? 'direct',
      sentAt: options.sentAt ?? Date.now(),
      events,
    },
  });
}

/** Everything buffered goes into the raw table, then the dirty slices are rolled up. */
export async function drainAnalytics(t: TestApp): Promise<void> {
  await t.services.analytics.flusher.flush();
  await runAnalyticsRollup(t.platform.database.db);
}
