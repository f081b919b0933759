// Talking to a cluster started by scripts/cluster.sh from a benchmark: its ports (the same
// STREAMHUB_CLUSTER_* variables the script reads), the script itself, and the public API through the edge.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

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

export async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${EDGE}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
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

/** A 720p test-pattern clip with a tone, made by ffmpeg in `dir`. */
export function makeClip(dir: string, seconds: number): string {
  const path = join(dir, 'clip.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', path],
  ]);
  return path;
}

/** Uploads a file as the video's source through the edge (tus: create, then one PATCH). */
export async function uploadClip(token: string, videoId: string, path: string): Promise<void> {
  const size = statSync(path).size;
  const created = await fetch(`${EDGE}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      'tus-resumable': '1.0.0',
      authorization: `Bearer ${token}`,
      'upload-length': String(size),
      'upload-metadata': `videoId ${Buffer.from(videoId).toString('base64')},filename ${Buffer.from('clip.mp4').toString('base64')}`,
    },
  });
  const location = created.headers.get('location');
  if (created.status !== 201 || !location) throw new Error(`tus creation failed: ${created.status}`);
  const patched = await fetch(new URL(location, EDGE), {
    method: 'PATCH',
    headers: {
      'tus-resumable': '1.0.0',
      authorization: `Bearer ${token}`,
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: readFileSync(path),
  });
  if (patched.status !== 204) throw new Error(`tus PATCH answered ${patched.status}`);
}
