// Talking to a cluster started by scripts/cluster.sh from a benchmark: its ports (the same
// STREAMHUB_CLUSTER_* variables the script reads), the script itself, and the public API through the edge.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';

const base = process.env.STREAMHUB_CLUSTER_PORT_BASE ? Number(process.env.STREAMHUB_CLUSTER_PORT_BASE) : undefined;
const port = (variable: string, offset: number, fallback: number) =>
  Number(process.env[variable] ?? (base !== undefined ? base + offset : fallback));

export const EDGE = `http://127.0.0.1:${port('STREAMHUB_CLUSTER_EDGE_PORT', 80, 18080)}`;
/** The PostgreSQL primary itself (not PgBouncer), for checks that read rows directly. */
export const pgPrimaryPort = () => port('STREAMHUB_CLUSTER_PG_PORT', 32, 15432);
export const CLUSTER_DIR = process.env.STREAMHUB_CLUSTER_DIR ?? '/tmp/streamhub-cluster';

export const cluster = (...args: string[]) =>
  execFileSync('bash', ['scripts/cluster.sh', ...args], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The 1-minute load average, as every figure is printed beside. */
export const load = () => loadavg()[0]!.toFixed(1);

export async function call(method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${EDGE}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, json: (await response.json().catch(() => undefined)) as any };
}

export async function account(role: 'viewer' | 'creator' = 'viewer'): Promise<{ id: string; token: string }> {
  const username = `bench${randomBytes(4).toString('hex')}`;
  const registered = await call('POST', '/api/v1/auth/register', undefined, {
    username,
    email: `${username}@example.com`,
    password: 'a long enough password',
    ...(role === 'creator' ? { role } : {}),
  });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status}`);
  return { id: registered.json.data.user.id, token: registered.json.data.accessToken };
}

/** True when `scripts/cluster.sh status` finds a cluster. */
export function clusterIsUp(): boolean {
  try {
    cluster('status');
    return true;
  } catch {
    return false;
  }
}
