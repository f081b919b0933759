/**
 * The chat fan-out measured as deployed in scale mode: two API server processes (the full app,
 * bench/support/serve-target.ts) on one PostgreSQL database and one Redis, CHAT_CLIENT_PROCESSES
 * client processes holding the sockets (half on each server), and a sender on server A posting
 * `rate` messages a second for `seconds`. Every socket checks each sequence number arrives exactly
 * once; latency is from the sender's clock to the client's (one machine, one clock).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { AccessTokenSigner } from '../../src/platform/security/jwt.ts';
import { TestChatClient } from '../../src/modules/live/live-test-support.ts';
import { DEFAULT_TICK_MS } from '../../src/modules/live/chat/delivery-pacing.ts';
import { prepareBenchDatabase } from './databases.ts';
import { ms, percentiles, type Latency } from './latency.ts';
import { startTarget, stopAllTargets } from './target-process.ts';
import { cpuSplitOf } from './process-cpu.ts';

const CLIENT_SCRIPT = fileURLToPath(new URL('./live-chat-clients.ts', import.meta.url));

export interface FanoutOptions {
  clients: number;
  rate: number;
  seconds: number;
  clientProcesses: number;
  load(): string;
}

function rssKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0);
}

function histogramPercentiles(pairs: Array<[number, number]>): Latency {
  const merged = new Map<number, number>();
  for (const [at, count] of pairs) merged.set(at, (merged.get(at) ?? 0) + count);
  const sorted = [...merged].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  const at = (q: number) => {
    let seen = 0;
    for (const [value, count] of sorted) if ((seen += count) > q * total) return value;
    return sorted[sorted.length - 1]?.[0] ?? 0;
  };
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Starts counting the processes' CPU; the returned function answers the user and system seconds since. */
function cpuUsedBy(pids: number[]): () => { user: number; system: number } {
  const before = pids.map(cpuSplitOf);
  return () =>
    pids.reduce(
      (sum, pid, index) => {
        const now = cpuSplitOf(pid);
        return {
          user: sum.user + now.user - before[index]!.user,
          system: sum.system + now.system - before[index]!.system,
        };
      },
      { user: 0, system: 0 },
    );
}

const splitText = (split: { user: number; system: number }) =>
  `user ${split.user.toFixed(1)} s, system ${split.system.toFixed(1)} s`;

interface ClientResult {
  /** [milliseconds, count] pairs. */
  latencies: Array<[number, number]>;
  delivered: number;
  duplicates: number;
  outOfRange: number;
  frames: number;
  retries: number;
  /** The client process's event-loop delay while measuring (ms): how late it could read a frame. */
  loopDelay: { p99: number; max: number };
}

function nextMessage<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} from a client process in ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: { type?: string }) => {
      if (message?.type === 'error') process.stderr.write(`client: ${JSON.stringify(message)}\n`);
      if (message?.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
  });
}

/** A creator and a stream that is live now: the room every benchmark client joins. */
export async function createLiveBenchStream(db: Kysely<DB>): Promise<{ creatorId: string; streamId: string }> {
  const creator = await db
    .insertInto('users')
    .values({
      username: `bench_${Date.now()}`,
      email: `bench_${Date.now()}@example.com`,
      password_hash: 'x',
      role: 'creator',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stream = await db
    .insertInto('live_streams')
    .values({ channel_id: creator.id, title: 'Bench', status: 'live', started_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { creatorId: creator.id, streamId: stream.id };
}

export async function chatFanoutAcrossProcesses(options: FanoutOptions): Promise<void> {
  const redisUrl = process.env.REDIS_URL!;
  const secret = randomBytes(32).toString('hex');
  const database = await prepareBenchDatabase('postgres', async (db) => {
    return createLiveBenchStream(db);
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...database.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JWT_SECRET: secret,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `bench-${randomUUID().slice(0, 8)}:`,
    RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000000',
    LIVE_CHAT_MESSAGES_PER_10S: String(Math.ceil(options.rate * 20)),
    WORKERS_IN_PROCESS: 'false',
    LIVE_INGEST_IN_PROCESS: 'false',
  };
  delete env.PORT;
  const children: ChildProcess[] = [];
  try {
    const cpuProfDir = process.env.BENCH_CPU_PROF || undefined;
    const servers = await Promise.all([
      startTarget('real', { env, cpuProfDir }),
      startTarget('real', { env, cpuProfDir }),
    ]);
    const path = `/api/v1/live/streams/${database.seeded.streamId}/chat`;
    const urls = servers.map((server) => `${server.baseUrl.replace('http', 'ws')}${path}`);
    const total = Math.round(options.rate * options.seconds);
    const rssBefore = servers.reduce((sum, server) => sum + rssKiB(server.pid), 0);
    console.log(
      `# Live chat fan-out: ${options.clients} sockets over 2 API processes (Redis pub/sub, PostgreSQL), ` +
        `${options.clientProcesses} client processes (${process.env.BENCH_CHAT_CLIENT === 'ws' ? 'ws' : 'lean'} sockets), ` +
        `${options.rate} msg/s for ${options.seconds} s, ` +
        `delivery tick ${process.env.LIVE_CHAT_TICK_MS ?? `default (${DEFAULT_TICK_MS})`} ms; load ${options.load()}`,
    );
    const perProcess = Math.ceil(options.clients / options.clientProcesses);
    for (let index = 0; index < options.clientProcesses; index += 1) {
      const count = Math.min(perProcess, options.clients - index * perProcess);
      children.push(
        fork(CLIENT_SCRIPT, [], {
          execArgv: [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), '--import', 'tsx'],
          // Alternate which server a process starts on, so each server holds half the sockets.
          env: {
            ...process.env,
            CHAT_URLS: (index % 2 ? [...urls].reverse() : urls).join(','),
            CHAT_CLIENTS: String(count),
            CHAT_TOTAL: String(total),
          },
        }),
      );
    }
    const joinStarted = Date.now();
    await Promise.all(children.map((child) => nextMessage(child, 'ready', 300_000)));
    const joinMs = Date.now() - joinStarted;
    // Let the presence reports settle before measuring memory and sending.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const rssAfter = servers.reduce((sum, server) => sum + rssKiB(server.pid), 0);

    const { token } = await new AccessTokenSigner(secret, 3600).sign({
      userId: database.seeded.creatorId,
      role: 'creator',
    });
    const sender = new TestChatClient(urls[0]!);
    await sender.waitFor((frame) => frame.type === 'ready', 'ready');
    sender.send({ type: 'auth', token });
    await sender.waitFor((frame) => frame.type === 'authenticated', 'auth');
    const sentAt = new Map<string, number>();
    const ackLatencies: number[] = [];
    sender.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; ref?: string };
      if (frame.type === 'ack' && frame.ref) ackLatencies.push(Date.now() - sentAt.get(frame.ref)!);
    });
    const serverCpu = cpuUsedBy(servers.map((server) => server.pid));
    const clientCpu = cpuUsedBy(children.map((child) => child.pid!));
    const started = Date.now();
    for (let seq = 0; seq < total; seq += 1) {
      const due = started + (seq * 1000) / options.rate;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      sentAt.set(String(seq), Date.now());
      sender.send({ type: 'send', body: `${seq} ${Date.now()}`, ref: String(seq) });
    }
    // Drain: until every send is acknowledged, then 3 s for the last deliveries (at most 60 s).
    const acked = () => sender.frames.filter((frame) => frame.type === 'ack' || frame.type === 'error').length;
    for (let waited = 0; acked() < total && waited < 60_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Then until the clients' delivery counts stop growing (a loaded machine queues frames), at most 180 s.
    const expectedDeliveries = total * options.clients;
    for (let last = -1, waited = 0; waited < 180_000; waited += 2000) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const counts = await Promise.all(
        children.map((child) => {
          const answer = nextMessage<{ delivered: number }>(child, 'progress', 60_000);
          child.send({ type: 'progress' });
          return answer;
        }),
      );
      const now = counts.reduce((sum, count) => sum + count.delivered, 0);
      if (now === last || now >= expectedDeliveries) break;
      last = now;
    }
    // From /proc: a saturated server may not answer an IPC question in time.
    const serverSplit = serverCpu();
    const cpuSeconds = serverSplit.user + serverSplit.system;
    const clientSplit = clientCpu();
    const results = await Promise.all(
      children.map((child) => {
        const result = nextMessage<ClientResult>(child, 'result', 120_000);
        child.send({ type: 'finish' });
        return result;
      }),
    );
    sender.close();
    const refused = sender.frames.filter((frame) => frame.type === 'error').length;
    const expected = (total - refused) * options.clients;
    const delivered = results.reduce((sum, result) => sum + result.delivered, 0);
    const duplicates = results.reduce((sum, result) => sum + result.duplicates + result.outOfRange, 0);
    const frames = results.reduce((sum, result) => sum + result.frames, 0);
    const retries = results.reduce((sum, result) => sum + result.retries, 0);
    const latency = histogramPercentiles(results.flatMap((result) => result.latencies));
    const ack = percentiles(ackLatencies);
    console.log(
      `joined in ${(joinMs / 1000).toFixed(1)} s (${retries} connections retried); delivered ${delivered}/${expected} (lost ${expected - delivered}, duplicates ${duplicates}, refused sends ${refused}); ` +
        `delivery p50 ${ms(latency.p50)} ms, p95 ${ms(latency.p95)} ms, p99 ${ms(latency.p99)} ms; ` +
        `sender's ack p50 ${ms(ack.p50)} ms, p99 ${ms(ack.p99)} ms; ` +
        `server memory ${((rssAfter - rssBefore) / options.clients).toFixed(1)} KiB per connection; ` +
        `server CPU ${((cpuSeconds * 1e6) / Math.max(1, delivered)).toFixed(1)} µs per delivery, ` +
        `${((cpuSeconds * 1e6) / Math.max(1, frames)).toFixed(1)} µs per frame (both processes; ` +
        `${(delivered / Math.max(1, frames)).toFixed(2)} messages a frame; ${splitText(serverSplit)}); ` +
        `client processes: CPU ${(clientSplit.user + clientSplit.system).toFixed(1)} s (${splitText(clientSplit)}), event-loop delay p99 ${results.map((result) => ms(result.loopDelay.p99)).join('/')} ms, ` +
        `max ${results.map((result) => ms(result.loopDelay.max)).join('/')} ms; load ${options.load()}`,
    );
  } finally {
    // A client exits by itself once it has sent its result (writing its --cpu-prof profile); a stuck one is killed.
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
            const timer = setTimeout(() => resolve(child.kill()), 5000);
            child.once('exit', () => resolve(clearTimeout(timer)));
          }),
      ),
    );
    await stopAllTargets();
    await database.drop();
  }
}
