import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { createPlatform } from '../platform/platform.ts';
import { seedAnalytics } from '../modules/seed/analytics-seed.ts';

export const SEED_ANALYTICS_USAGE = `Usage: streamhub seed --analytics [--videos N] [--days N] [--events N] [--channel NAME]

Generates player analytics for dashboards and benchmarks: a channel (default "analytics_demo") with
N ready videos, and about --events raw player events spread over the last --days days, then rolls
them up (the same code as the rollup job). Defaults: 1,000 videos, 30 days, 10,000,000 events (the
issue's scale: reduce it on a small or shared machine).
`;

const positive = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive whole number, got "${raw}"`);
  return value;
};

export async function runSeedAnalyticsCommand(config: Config, args: string[]): Promise<number> {
  let options: { videos: number; days: number; events: number; channel?: string };
  try {
    const { values } = parseArgs({
      args,
      options: {
        analytics: { type: 'boolean' },
        videos: { type: 'string' },
        days: { type: 'string' },
        events: { type: 'string' },
        channel: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(SEED_ANALYTICS_USAGE);
      return 0;
    }
    options = {
      videos: positive('videos', values.videos, 1000),
      days: Math.min(positive('days', values.days, 30), config.analytics.rawRetentionDays),
      events: positive('events', values.events, 10_000_000),
      channel: values.channel,
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${SEED_ANALYTICS_USAGE}`);
    return 1;
  }
  const platform = await createPlatform(config);
  try {
    const report = await seedAnalytics(platform.database.db, options);
    process.stdout.write(
      `analytics seeded: ${report.events.toLocaleString('en-US')} events for ${report.videoIds.length} videos of channel ${report.channelId} ` +
        `(insert ${(report.insertMs / 1000).toFixed(1)} s, rollup ${(report.rollupMs / 1000).toFixed(1)} s)\n`,
    );
    return 0;
  } finally {
    await platform.close();
  }
}
