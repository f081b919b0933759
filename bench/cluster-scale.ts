/**
 * Cluster read throughput (1 vs 2 API processes, with and without the replica and the caches) and the edge hit ratio for 200 viewers of one video.
 *
 * npm run bench -- cluster-scale [--seconds N] [--connections N] [--viewers N] [--keep]
 * Needs a cluster (scripts/cluster.sh up; brought up here unless one is), seeds a small catalogue, then
 * reads public video pages anonymously through the edge with autocannon in each configuration:
 *   A 2 APIs + replica + caches · B 1 API + replica + caches · C 2 APIs + replica, no caches
 *   D 1 API + replica, no caches · E 2 APIs, replica stopped (reads on the primary), no caches
 * Then 200 simulated viewers start one video at once (master playlist, one rendition's playlist, every
 * segment) through the edge: the share answered from the edge cache and the origin fetches per file.
 * Every figure is printed with the 1-minute load average.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { call, cluster, CLUSTER_DIR, clusterIsUp, EDGE, load, pgPrimaryPort, sleep } from './support/cluster-client.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    viewers: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);

function clusterEnv(): Record<string, string> {
  return Object.fromEntries(
    cluster('env')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Ready public videos, read from the primary (the API has no plain "all videos" list). */
function publicVideoIds(): string[] {
  const env = clusterEnv();
  const primary = new URL(env.DATABASE_URL!.replace(/:\d+\//, `:${pgPrimaryPort()}/`));
  return execFileSync('psql', [
    primary.href,
    '-Atc',
    "select id from videos where status = 'ready' and visibility = 'public' and deleted_at is null order by id limit 200",
  ])
    .toString()
    .split('\n')
    .filter(Boolean);
}

async function readThroughput(ids: string[], duration: number): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: EDGE,
    connections: Number(values.connections),
    duration,
    timeout: 15,
    requests: ids.slice(0, 40).map((id) => ({ method: 'GET', path: `/api/v1/videos/${id}` })),
  });
  return {
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** Restarts every API with the response cache on or off (STREAMHUB_CLUSTER_CACHE reaches app_env). */
function restartApis(cache: boolean): void {
  process.env.STREAMHUB_CLUSTER_CACHE = String(cache);
  cluster('restart', 'api1');
  cluster('restart', 'api2');
}

async function waitForLb(apis: number): Promise<void> {
  // HAProxy marks a stopped or restarted server down/up within about a second (fall 2, rise 2 at 250-500 ms).
  await sleep(3000);
  if (apis === 1) return;
  for (let i = 0; i < 40; i++) {
    if ((await call('GET', '/ready')).status === 200) return;
    await sleep(250);
  }
}

interface Row {
  config: string;
  apis: number;
  replica: boolean;
  caches: boolean;
  rps: number;
  p99Ms: number;
  errors: number;
  load: string;
}

async function throughputMatrix(ids: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  const measure = async (config: string, apis: number, replica: boolean, caches: boolean) => {
    await waitForLb(apis);
    await readThroughput(ids.slice(0, 10), Math.min(3, seconds)); // warm-up (JIT, pools, L1)
    const figure = await readThroughput(ids, seconds);
    rows.push({
      config,
      apis,
      replica,
      caches,
      rps: figure.rps,
      p99Ms: figure.p99,
      errors: figure.errors,
      load: load(),
    });
    console.log(JSON.stringify(rows.at(-1)));
  };
  await measure('A', 2, true, true);
  cluster('stop', 'api2');
  await measure('B', 1, true, true);
  cluster('start', 'api2');
  restartApis(false);
  await measure('C', 2, true, false);
  cluster('stop', 'api2');
  await measure('D', 1, true, false);
  cluster('start', 'api2');
  cluster('stop', 'replica');
  await measure('E', 2, false, false);
  cluster('start', 'replica');
  restartApis(true);
  return rows;
}

/** One viewer: the master playlist, the first rendition's playlist, then its segments in order. */
async function viewer(folder: string, statuses: Map<string, number>): Promise<void> {
  const get = async (url: string) => {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    const status = response.headers.get('x-cache') ?? '-';
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    return response.text();
  };
  const master = await get(`${folder}master.m3u8`);
  const variant = master.split('\n').find((line) => line && !line.startsWith('#'));
  if (!variant) throw new Error('the master playlist lists no rendition');
  const variantUrl = new URL(variant, `${folder}master.m3u8`);
  const playlist = await get(variantUrl.href);
  for (const segment of playlist.split('\n').filter((line) => line && !line.startsWith('#'))) {
    await get(new URL(segment, variantUrl).href);
  }
}

async function edgeViewers(id: string) {
  const detail = await call('GET', `/api/v1/videos/${id}`);
  const master: string | undefined = detail.json?.data?.hlsUrl ?? detail.json?.data?.media?.hlsUrl;
  const folder = master
    ? `${EDGE}${new URL(master).pathname.replace(/master\.m3u8$/, '')}`
    : `${EDGE}/media/videos/${id}/hls/`;
  const statuses = new Map<string, number>();
  const started = performance.now();
  await Promise.all(Array.from({ length: Number(values.viewers) }, () => viewer(folder, statuses)));
  const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
  const hits = statuses.get('HIT') ?? 0;
  return {
    viewers: Number(values.viewers),
    requests: total,
    edgeHits: hits,
    originFetches: total - hits,
    hitRatio: (hits / total).toFixed(3),
    statuses: Object.fromEntries(statuses),
    seconds: ((performance.now() - started) / 1000).toFixed(1),
    load: load(),
  };
}

const alreadyUp = clusterIsUp();
if (!alreadyUp) {
  process.env.STREAMHUB_CLUSTER_RATE_LIMIT ??= '10000000';
  console.log(`bringing the cluster up (load ${load()})`);
  cluster('up');
}
try {
  let ids = publicVideoIds();
  if (ids.length < 20) {
    // `streamhub seed`: bulk SQL through PgBouncer, every video playing one shared sample rendition (made
    // once with ffmpeg), so no upload is transcoded; about 15 s. Bounded, so a hang fails the bench.
    const started = performance.now();
    console.log(`seeding a small catalogue (load ${load()})`);
    execFileSync('node', ['--import', 'tsx', 'src/main.ts', 'seed', '--users', '300', '--videos', '400'], {
      env: { ...process.env, ...clusterEnv() },
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    });
    ids = publicVideoIds();
    console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (load ${load()})`);
  }
  console.log(`${ids.length} public videos; cluster in ${CLUSTER_DIR}; edge ${EDGE}`);
  console.table(await throughputMatrix(ids));
  console.log('edge cache, 200 viewers starting one video at once:');
  console.table([await edgeViewers(ids[ids.length - 1]!)]);
} finally {
  if (!alreadyUp && !values.keep) cluster('down');
}
