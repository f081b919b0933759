/**
 * Live: chat fan-out to many WebSocket clients across two API instances (delivery p99, loss and duplicate check, memory per connection) and RTMP ingest CPU (passthrough, and with a 360p rung).
 *
 * With DATABASE_URL and REDIS_URL the chat runs as deployed: two API server processes on PostgreSQL
 * and Redis pub/sub, the sockets held by BENCH_CLIENT_PROCESSES client processes
 * (support/live-chat-fanout.ts). Without them: two API instances in this process, each with its own
 * chat rooms, on one PGlite database and the in-memory pub/sub. BENCH_CLIENTS sockets (half on each instance) join one room; a
 * sender on instance A posts BENCH_RATE messages a second for BENCH_SECONDS; every client checks
 * every sequence number arrives exactly once. Memory per connection is this process's RSS growth
 * while the sockets are open (servers and clients together) divided by the socket count.
 * Ingest: a synthetic 640x360 H.264/AAC stream pushed for BENCH_INGEST_SECONDS, once with the source
 * rendition only and once with a 360p rung; the packager's CPU time over the stream's real time, and
 * the glass-to-glass latency as a viewer polling the live playlist meets it (support/live-glass-to-glass.ts).
 *
 * Glass-to-glass from the picture: a stream whose frames carry their capture time as a block code
 * (support/stamped-stream.ts) is played by hls.js in headless Chromium, which reads the time off each
 * displayed frame (support/live-player-latency.ts): with 2 s and 1 s segments, the web player's
 * settings and low-delay ones side by side.
 *
 * Environment: BENCH_CLIENTS (1000; 0 skips the chat part), BENCH_RATE (50), BENCH_SECONDS (10), BENCH_INGEST_SECONDS (15; 0
 * skips the ingest part), BENCH_GLASS_SECONDS (20 of sampling per segment length; 0 skips the picture
 * part), BENCH_CLIENT_PROCESSES (2), BENCH_CHAT_CLIENT (lean: the receive-only client of
 * support/lean-websocket.ts; ws: `ws` clients, which cost the shared cores about a third more),
 * BENCH_CPU_PROF=<dir> (V8 CPU profiles of the chat servers and client processes), DATABASE_URL, REDIS_URL.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { buildApp, type App } from '../src/app.ts';
import { createServices, type Services } from '../src/modules/services.ts';
import { pushTestStream, TestChatClient } from '../src/modules/live/live-test-support.ts';
import { createMetricsRegistry } from '../src/platform/observability/metrics.ts';
import { createPlatform, type Platform } from '../src/platform/platform.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { percentiles, ms } from './support/latency.ts';
import { envNumber } from './support/options.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chatFanoutAcrossProcesses, createLiveBenchStream } from './support/live-chat-fanout.ts';
import { cpuSecondsOf } from './support/process-cpu.ts';
import { EncoderClock, glassToGlass, PlaylistWatcher } from './support/live-glass-to-glass.ts';
import { measurePlayerLatency, type PlayerSetup } from './support/live-player-latency.ts';
import { pushStampedStream } from './support/stamped-stream.ts';
import { livePlaybackUrl } from '../src/modules/live/presenter.ts';

/** LivePlayer.tsx plays this many target durations behind the live edge (hls.js liveSyncDurationCount). */
const PLAYER_HOLD_BACK_SEGMENTS = 3;

const CLIENTS = process.env.BENCH_CLIENTS === '0' ? 0 : Math.round(envNumber('BENCH_CLIENTS', 1000));
const RATE = envNumber('BENCH_RATE', 50);
const SECONDS = envNumber('BENCH_SECONDS', 10);
const INGEST_SECONDS = process.env.BENCH_INGEST_SECONDS === '0' ? 0 : envNumber('BENCH_INGEST_SECONDS', 15);
const GLASS_SECONDS = process.env.BENCH_GLASS_SECONDS === '0' ? 0 : envNumber('BENCH_GLASS_SECONDS', 20);
/** The player settings measured from the picture: the web player's (LivePlayer.tsx) and a low-delay set. */
const PLAYER_SETUPS: PlayerSetup[] = [
  { name: 'web player (liveSyncDurationCount 3)', config: { liveSyncDurationCount: 3, lowLatencyMode: false } },
  {
    name: 'low delay (liveSyncDurationCount 1, catch-up rate 1.5)',
    config: {
      liveSyncDurationCount: 1,
      liveMaxLatencyDurationCount: 3,
      maxLiveSyncPlaybackRate: 1.5,
      lowLatencyMode: false,
    },
  },
];
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function instance(
  env: Record<string, string>,
  database?: Platform['database'],
): Promise<{ platform: Platform; services: Services; app: App; url: string }> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-live-')),
    ...env,
  });
  const platform = await createPlatform(config, { logger: createLogger('silent'), ...(database ? { database } : {}) });
  const services = createServices(platform);
  const app = await buildApp(platform, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { platform, services, app, url: `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

async function main(): Promise<void> {
  if (process.env.DATABASE_URL && process.env.REDIS_URL && CLIENTS > 0) {
    const clientProcesses = Math.round(envNumber('BENCH_CLIENT_PROCESSES', 2));
    await chatFanoutAcrossProcesses({ clients: CLIENTS, rate: RATE, seconds: SECONDS, clientProcesses, load });
    if (INGEST_SECONDS <= 0 && GLASS_SECONDS <= 0) return;
  }
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const testDatabase = await createTestDatabase(kind);
  const env = {
    RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000',
    LIVE_CHAT_MESSAGES_PER_10S: String(Math.ceil(RATE * 20)),
    LIVE_RTMP_PORT: '0',
    LIVE_RECONNECT_GRACE_SECONDS: '1',
    ...(testDatabase.url ? { DATABASE_URL: testDatabase.url } : {}),
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `bench-${randomUUID().slice(0, 8)}:` }
      : {}),
  };
  const a = await instance(env, testDatabase.database);
  // With PostgreSQL + Redis the second instance is a platform of its own; on PGlite it shares A's.
  const b =
    testDatabase.url && process.env.REDIS_URL
      ? await instance(env)
      : await (async () => {
          const platform = { ...a.platform, metrics: createMetricsRegistry() };
          const services = createServices(platform);
          const app = await buildApp(platform, services);
          await app.listen({ port: 0, host: '127.0.0.1' });
          return { platform, services, app, url: `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
        })();
  const db = a.platform.database.db;
  const { creatorId, streamId } = await createLiveBenchStream(db);
  const token = (await a.services.accessTokens.sign({ userId: creatorId, role: 'creator' })).token;
  const path = `/api/v1/live/streams/${streamId}/chat`;
  if (!(testDatabase.url && process.env.REDIS_URL) && CLIENTS > 0) await chatInProcess();
  async function chatInProcess(): Promise<void> {
    console.log(
      `# Live chat fan-out: ${CLIENTS} sockets over 2 instances (${process.env.REDIS_URL && testDatabase.url ? 'Redis pub/sub' : 'in-memory pub/sub'}), ${RATE} msg/s for ${SECONDS} s; ${cpus().length} cores, load ${load()}`,
    );
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const clients: TestChatClient[] = [];
    for (let i = 0; i < CLIENTS; i += 1) clients.push(new TestChatClient(`${i % 2 ? b.url : a.url}${path}`));
    await Promise.all(clients.map((client) => client.waitFor((frame) => frame.type === 'ready', 'ready', 120_000)));
    const rssAfter = process.memoryUsage().rss;
    const received = clients.map(() => new Map<number, number>());
    const latencies: number[] = [];
    let duplicates = 0;
    clients.forEach((client, index) =>
      client.socket.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        for (const event of frame.type === 'batch' ? frame.events : [frame]) {
          if (event.type !== 'message') continue;
          const [seq, sentAt] = String(event.message.body).split(' ').map(Number) as [number, number];
          if (received[index]!.has(seq)) duplicates += 1;
          received[index]!.set(seq, Date.now());
          latencies.push(Date.now() - sentAt);
        }
      }),
    );
    const sender = new TestChatClient(`${a.url}${path}`);
    await sender.waitFor((frame) => frame.type === 'ready', 'ready');
    sender.send({ type: 'auth', token });
    await sender.waitFor((frame) => frame.type === 'authenticated', 'auth');
    const total = Math.round(RATE * SECONDS);
    const started = Date.now();
    for (let seq = 0; seq < total; seq += 1) {
      const due = started + (seq * 1000) / RATE;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      sender.send({ type: 'send', body: `${seq} ${Date.now()}` });
    }
    // Drain: wait until deliveries stop growing (a loaded machine queues sends), at most 60 s.
    const count = () => received.reduce((sum, seen) => sum + seen.size, 0);
    for (let last = -1, waited = 0; count() !== last && waited < 60_000; waited += 2000) {
      last = count();
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const refused = sender.frames.filter((frame) => frame.type === 'error').length;
    const expected = (total - refused) * CLIENTS;
    const delivered = count();
    const latency = percentiles(latencies);
    console.log(
      `delivered ${delivered}/${expected} (lost ${expected - delivered}, duplicates ${duplicates}, refused sends ${refused}); ` +
        `delivery p50 ${ms(latency.p50)} ms, p95 ${ms(latency.p95)} ms, p99 ${ms(latency.p99)} ms; ` +
        `memory ${((rssAfter - rssBefore) / CLIENTS / 1024).toFixed(1)} KiB per connection (server + client); load ${load()}`,
    );
    for (const client of [...clients, sender]) client.close();
  }
  if (INGEST_SECONDS > 0) {
    console.log(`# Live ingest CPU (${INGEST_SECONDS} s synthetic 640x360 stream), load ${load()}`);
    for (const ladder of ['none', '360']) {
      const config = {
        ...a.platform.config,
        live: { ...a.platform.config.live, ladderHeights: ladder === 'none' ? [] : [360] },
      };
      const services = createServices({ ...a.platform, config, metrics: createMetricsRegistry() });
      const ingest = services.live.createIngest();
      const port = await ingest.start('127.0.0.1');
      const key = (await services.live.keys.create({ id: creatorId, role: 'creator' })).key;
      await db.updateTable('live_streams').set({ status: 'ended' }).where('channel_id', '=', creatorId).execute();
      const pushedAt = Date.now();
      const clock = new EncoderClock();
      const encoder = pushTestStream(`rtmp://127.0.0.1:${port}/live/${key}`, INGEST_SECONDS, {
        onProgress: (streamMs, wallMs) => clock.report(streamMs, wallMs),
      });
      const packager = await waitForPackager();
      const first = await waitForFirstSegment(a.platform, creatorId, pushedAt);
      const httpBase = a.url.replace('ws', 'http');
      const watcher = new PlaylistWatcher(`${httpBase}/media/live/${first.streamId}/hls/source/index.m3u8`);
      const cpuBefore = cpuSeconds(packager);
      const measuredFrom = Date.now();
      await encoder.exited;
      const cpu = cpuSeconds(packager) - cpuBefore;
      const wall = (Date.now() - measuredFrom) / 1000;
      // The last segments are listed when the packager finishes them, after the encoder stops.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await watcher.stop();
      await ingest.close();
      const latency = glassToGlass(watcher.measured(), clock, watcher.targetDurationMs, PLAYER_HOLD_BACK_SEGMENTS);
      console.log(
        `${ladder === 'none' ? 'passthrough only' : 'passthrough + 360p'}: packager CPU ${(cpu / wall).toFixed(3)} × real time; first segment published ${first.ms} ms after the encoder started; ` +
          (latency
            ? `${latency.segments} segments: edge delay (last frame pushed → segment listed) p50 ${ms(latency.edgeDelay.p50)} ms, p95 ${ms(latency.edgeDelay.p95)} ms; ` +
              `first frame → listed p50 ${ms(latency.firstFrame.p50)} ms; glass-to-glass in the web player (hls.js, ${PLAYER_HOLD_BACK_SEGMENTS} segments behind the edge) ≈ ${ms(latency.playerMs)} ms; `
            : 'no segment listed while the encoder reported progress: glass-to-glass not measured; ') +
          `load ${load()}`,
      );
    }
  }

  if (GLASS_SECONDS > 0) {
    for (const segmentSeconds of [2, 1]) await glassToGlassFromPicture(segmentSeconds);
  }
  async function glassToGlassFromPicture(segmentSeconds: number): Promise<void> {
    const config = {
      ...a.platform.config,
      live: { ...a.platform.config.live, ladderHeights: [], segmentSeconds },
    };
    const services = createServices({ ...a.platform, config, metrics: createMetricsRegistry() });
    const ingest = services.live.createIngest();
    const port = await ingest.start('127.0.0.1');
    const key = (await services.live.keys.create({ id: creatorId, role: 'creator' })).key;
    await db.updateTable('live_streams').set({ status: 'ended' }).where('channel_id', '=', creatorId).execute();
    // A viewer joins a stream that has been running a while: a few segments before the players open.
    const warmupSeconds = 4 * segmentSeconds;
    const settleSeconds = 6;
    const pushedAt = Date.now();
    const encoder = pushStampedStream(
      `rtmp://127.0.0.1:${port}/live/${key}`,
      warmupSeconds + PLAYER_SETUPS.length * (settleSeconds + GLASS_SECONDS + 5) + 20,
      segmentSeconds,
    );
    try {
      const first = await waitForFirstSegment(a.platform, creatorId, pushedAt);
      await new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000));
      const results = await measurePlayerLatency({
        baseUrl: a.url.replace('ws', 'http'),
        playlistPath: livePlaybackUrl(first.streamId),
        setups: PLAYER_SETUPS,
        settleSeconds,
        seconds: GLASS_SECONDS,
      });
      console.log(
        `# Glass-to-glass from the picture (capture time burned into each frame, read from the displayed frame in headless Chromium + hls.js), ${segmentSeconds} s segments and keyframes, source rendition; load ${load()}`,
      );
      for (const result of results) {
        console.log(
          `${result.name}: glass-to-glass p50 ${ms(result.latency.p50)} ms, p95 ${ms(result.latency.p95)} ms over ${result.samples} frames ` +
            `(${result.unreadable} unreadable, ${result.stalls} stalls); hls.js's own latency estimate ${result.hlsLatencySeconds.toFixed(2)} s; ` +
            `camera frames late ${encoder.lateFrames()}; load ${load()}`,
        );
      }
    } finally {
      encoder.stop();
      await encoder.exited.catch(() => undefined);
      await ingest.close();
    }
  }

  await b.app.close();
  await a.app.close();
  if (b.platform !== a.platform) await b.platform.close();
  // PGlite's database is closed by drop(); the platform's own close would close it twice.
  await a.platform.close().catch(() => undefined);
  await testDatabase.drop();
}

/** The newest ffmpeg child packaging from the local RTMP server. */
async function waitForPackager(): Promise<number> {
  for (let i = 0; i < 100; i += 1) {
    const pids = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    for (const pid of pids) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('rtmp://127.0.0.1') && cmdline.includes('master.m3u8')) return pid;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the packager did not start');
}

function cpuSeconds(pid: number): number {
  try {
    return cpuSecondsOf(pid);
  } catch {
    return 0;
  }
}

async function waitForFirstSegment(
  platform: Platform,
  channelId: string,
  since: number,
): Promise<{ ms: number; streamId: string }> {
  for (;;) {
    const stream = await platform.database.db
      .selectFrom('live_streams')
      .select('id')
      .where('channel_id', '=', channelId)
      .where('status', '=', 'live')
      .executeTakeFirst();
    if (
      stream &&
      (await platform.storage.listObjects(`live/${stream.id}/hls/source`)).some((key) => key.endsWith('.ts'))
    ) {
      return { ms: Date.now() - since, streamId: stream.id };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

await main();
// The in-process instances can leave handles open after closing (the ended test streams' recordings
// are queued for processing): the figures are printed, so the bench ends here instead of hanging.
process.exit(process.exitCode ?? 0);
