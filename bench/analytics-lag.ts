/**
 * Analytics lag: how long after a player's batch is accepted its view shows in the creator's real-time
 * card and in the hourly series, with the production timers (the ingest flusher's 1 s, the rollup job
 * every ANALYTICS_ROLLUP_SECONDS, default 60). A whole app with its workers started as `serve` starts them,
 * on the embedded database, and on PostgreSQL + Redis when DATABASE_URL and REDIS_URL are set; the
 * creator reads through the API like the Studio does. BENCH_LAG_TRIALS batches (default 3), each on a
 * fresh video: a trial ends just after a rollup ran, so the next is sent at once (the worst case: a whole
 * period to wait) and the later ones further into the period. Goals: real time within 15 s, the hourly
 * rollup within 2 minutes.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, json, type TestApp } from '../test/support/app.ts';
import { createAccounts, call, type TestAccount } from '../src/modules/channels/channel-test-support.ts';
import { sendBatch } from '../src/modules/analytics/analytics-test-support.ts';
import { createReadyVideo } from '../src/modules/views/engagement-test-support.ts';
import { startWorkers } from '../src/workers.ts';
import { benchDatabaseKinds } from './support/databases.ts';
import { envNumber, markdownTable } from './support/options.ts';

const TRIALS = Math.max(1, Math.round(envNumber('BENCH_LAG_TRIALS', 3)));
const REALTIME_GOAL_S = 15;
const ROLLUP_GOAL_S = 120;
/** Give up on a trial after this long: a lag past it is a failure, not a figure. */
const GIVE_UP_MS = 300_000;
const POLL_MS = 250;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

interface Trial {
  realtimeS: number;
  rollupS: number;
}

/** Polls `read` every POLL_MS until it answers true; the seconds since `since`. */
async function secondsUntil(since: number, read: () => Promise<boolean>): Promise<number> {
  while (Date.now() - since < GIVE_UP_MS) {
    if (await read()) return (Date.now() - since) / 1000;
    await sleep(POLL_MS);
  }
  throw new Error(`not seen within ${GIVE_UP_MS / 1000} s`);
}

async function trial(t: TestApp, creator: TestAccount): Promise<Trial> {
  const videoId = await createReadyVideo(t, creator.token, { durationSeconds: 120 });
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const now = Date.now();
  const response = await sendBatch(t, randomUUID().replaceAll('-', ''), videoId, [
    { type: 'play', at: now, position: 0 },
    { type: 'heartbeat', at: now, from: 0, position: 10, secondsPlayed: 10 },
  ]);
  if (response.statusCode !== 202) throw new Error(`batch refused: ${response.statusCode} ${response.body}`);
  const accepted = Date.now();
  const [realtimeS, rollupS] = await Promise.all([
    secondsUntil(accepted, async () => {
      const data = json(await call(t, 'GET', '/analytics/realtime', creator)).data as {
        concurrentByVideo: Array<{ videoId: string }>;
      };
      return data.concurrentByVideo.some((entry) => entry.videoId === videoId);
    }),
    secondsUntil(accepted, async () => {
      const data = json(await call(t, 'GET', `/analytics/videos/${videoId}?from=${from}&granularity=hour`, creator))
        .data as { totals: { views: number } };
      return data.totals.views >= 1;
    }),
  ]);
  return { realtimeS, rollupS };
}

async function measure(kind: 'pglite' | 'postgres'): Promise<string[][]> {
  // The embedded default has no Redis: its buffer and real-time counts are in the process.
  const redisUrl = process.env.REDIS_URL;
  if (kind === 'pglite') delete process.env.REDIS_URL;
  const t = await startTestApp(kind, { LOG_LEVEL: 'warn' }).finally(() => {
    if (redisUrl) process.env.REDIS_URL = redisUrl;
  });
  const workers = startWorkers(t.platform, t.services);
  const label =
    kind === 'pglite' ? 'embedded (PGlite, in-process buffer)' : `PostgreSQL${t.platform.redis ? ' + Redis' : ''}`;
  const rows: string[][] = [];
  try {
    const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
    const period = t.platform.config.analytics.rollupSeconds * 1000;
    for (let index = 0; index < TRIALS; index += 1) {
      // The previous trial saw a rollup that just ran: the second batch goes at once, the later ones
      // further into the period (a batch is waited for until the next rollup after it).
      if (index > 1) await sleep(Math.round(((index - 1) / Math.max(1, TRIALS - 1)) * period * 0.9));
      const result = await trial(t, creator);
      rows.push([
        label,
        String(index + 1),
        result.realtimeS.toFixed(1),
        result.rollupS.toFixed(1),
        `${t.platform.config.analytics.rollupSeconds} s`,
        load(),
      ]);
      console.log(
        `${label}, trial ${index + 1}: real time ${result.realtimeS.toFixed(1)} s, hourly ${result.rollupS.toFixed(1)} s`,
      );
    }
  } finally {
    await workers.stop();
    await t.close();
  }
  return rows;
}

async function main(): Promise<number> {
  console.log(
    `# Analytics lag: a player's batch → the creator's real-time card and hourly series (${TRIALS} trials a mode)`,
  );
  const rows: string[][] = [];
  for (const kind of benchDatabaseKinds()) rows.push(...(await measure(kind)));
  console.log('');
  console.log(
    markdownTable(['mode', 'trial', 'real time s', 'hourly rollup s', 'rollup period', 'load avg'], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
  );
  const worstRealtime = Math.max(...rows.map((row) => Number(row[2])));
  const worstRollup = Math.max(...rows.map((row) => Number(row[3])));
  const met = worstRealtime <= REALTIME_GOAL_S && worstRollup <= ROLLUP_GOAL_S;
  console.log(
    `\nGoal (real time ≤ ${REALTIME_GOAL_S} s, hourly rollup ≤ ${ROLLUP_GOAL_S} s): ${met ? 'MET' : 'MISSED'} ` +
      `(worst ${worstRealtime.toFixed(1)} s and ${worstRollup.toFixed(1)} s).`,
  );
  return met ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Pools and timers of the apps are closed; anything left (a stray socket) must not hold the bench open.
    setTimeout(() => process.exit(code), 1000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`analytics-lag benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
