/**
 * One benchmark target server, meant to run in its own process so the load generator never shares
 * its event loop:  node --import tsx bench/support/serve-target.ts <bare|real>
 *
 * - bare: a plain Fastify app whose GET /api/v1/users/:id returns a constant (the ceiling).
 * - bare-pg: a plain Fastify app whose GET /api/v1/users/:id runs the real route's SELECT through a
 *   `pg` pool of 10 on DATABASE_URL (the limit for a database read).
 * - bare-like: a plain Fastify app whose POST/DELETE /api/v1/videos/:id/like run the real toggle's
 *   INSERT … ON CONFLICT DO NOTHING / DELETE through `pg` (pool 10) and a Redis HINCRBY on the hot
 *   counter when a row changed (the limit for a like); the user id is read from the bearer token's
 *   payload without verifying it.
 * - bare-put: a plain Node HTTP server streaming each PUT body to a file in BENCH_PUT_DIR and
 *   answering 204 (the limit for an upload).
 * - real: the full StreamHub app (buildApp on createPlatform), configured from the environment like
 *   `streamhub serve`, but without the in-process job workers so idle polling does not add noise.
 *   Like `serve`, it holds V8's young generation small until it gets busy (START_HOLD_YOUNG_GENERATION);
 *   BENCH_KEEP_YOUNG_GENERATION_HELD=1 never releases it, to measure what the hold costs under load.
 *
 * Listens on 127.0.0.1 on a free port (or BENCH_TARGET_PORT) and prints `PORT=<n>` on stdout once it accepts connections.
 * When started with an IPC channel it answers { type: 'cpu' } with its process.cpuUsage(), and exits
 * when the parent goes away. SIGTERM/SIGINT close it cleanly (so --cpu-prof profiles get written).
 */
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Fastify from 'fastify';

interface Server {
  /** Resolves with the listening address, e.g. http://127.0.0.1:41234. */
  listen(options: { port: number; host: string }): Promise<string>;
}

/** Shaped like the real answer so both targets send comparable bytes. */
const CONSTANT_USER = {
  success: true,
  data: {
    id: '00000000-0000-4000-8000-000000000000',
    username: 'bench_user',
    role: 'viewer',
    bio: '',
    avatarUrl: null,
    createdAt: '2024-01-01T00:00:00.000Z',
  },
};

async function startBare(): Promise<{ server: Server; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/api/v1/users/:id', async () => CONSTANT_USER);
  return {
    server: app,
    close: async () => {
      await app.close();
    },
  };
}

const USER_BY_ID = 'select * from "users" where "id" = $1';

async function startBarePg(): Promise<{ server: Server; close(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/api/v1/users/:id', async (request, reply) => {
    const { rows } = await pool.query(USER_BY_ID, [request.params.id]);
    const row = rows[0] as
      | { id: string; username: string; role: string; bio: string; avatar_url: string | null; created_at: Date }
      | undefined;
    if (!row) return reply.code(404).send({ success: false });
    return {
      success: true,
      data: {
        id: row.id,
        username: row.username,
        role: row.role,
        bio: row.bio,
        avatarUrl: row.avatar_url,
        createdAt: row.created_at.toISOString(),
      },
    };
  });
  return {
    server: app,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

const INSERT_LIKE =
  'insert into "likes" ("user_id", "video_id", "created_at") values ($1, $2, $3) on conflict ("user_id", "video_id") do nothing returning "video_id"';
const DELETE_LIKE = 'delete from "likes" where "user_id" = $1 and "video_id" = $2 returning "video_id"';

async function startBareLike(): Promise<{ server: Server; close(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const { Redis } = await import('ioredis');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const redis = new Redis(process.env.REDIS_URL ?? '');
  const counterKey = `${process.env.REDIS_KEY_PREFIX ?? ''}counter:likes`;
  const app = Fastify({ logger: false });
  const userOf = (authorization: string | undefined) => {
    const payload = authorization?.split('.')[1] ?? '';
    return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string }).sub;
  };
  const toggle = async (liked: boolean, userId: string, videoId: string) => {
    const { rows } = liked
      ? await pool.query(INSERT_LIKE, [userId, videoId, new Date()])
      : await pool.query(DELETE_LIKE, [userId, videoId]);
    const likes = rows.length ? await redis.hincrby(counterKey, videoId, liked ? 1 : -1) : 0;
    return { success: true, data: { liked, likes } };
  };
  app.post<{ Params: { id: string } }>('/api/v1/videos/:id/like', (request) =>
    toggle(true, userOf(request.headers.authorization), request.params.id),
  );
  app.delete<{ Params: { id: string } }>('/api/v1/videos/:id/like', (request) =>
    toggle(false, userOf(request.headers.authorization), request.params.id),
  );
  return {
    server: app,
    close: async () => {
      await app.close();
      await pool.end();
      redis.disconnect();
    },
  };
}

async function startBarePut(): Promise<{ server: Server; close(): Promise<void> }> {
  const directory = process.env.BENCH_PUT_DIR;
  if (!directory) throw new Error('BENCH_PUT_DIR is not set');
  let count = 0;
  const http = createServer((request, response) => {
    if (request.method !== 'PUT') {
      response.writeHead(405).end();
      return;
    }
    count += 1;
    pipeline(request, createWriteStream(join(directory, `put-${count}`))).then(
      () => response.writeHead(204).end(),
      () => response.writeHead(500).end(),
    );
  });
  return {
    server: {
      listen: ({ port, host }) =>
        new Promise((resolve) => {
          http.listen(port, host, () => {
            const address = http.address() as { port: number };
            resolve(`http://${host}:${address.port}`);
          });
        }),
    },
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}

async function startReal(): Promise<{ server: Server; close(): Promise<void> }> {
  // Imported lazily so the bare target does not pay for (or get perturbed by) the app's modules.
  const { loadConfig } = await import('../../src/config.ts');
  const config = loadConfig(process.env);
  // As `streamhub serve` does (src/main.ts, src/cli/serve.ts): held before the app's modules load, released
  // once the server is busy.
  const { holdYoungGeneration, releaseWhenBusy } = await import('../../src/platform/lifecycle/start-heap.ts');
  const release = config.holdYoungGenerationAtStart ? holdYoungGeneration() : undefined;
  const { createPlatform } = await import('../../src/platform/platform.ts');
  const { buildApp } = await import('../../src/app.ts');
  const { createServices } = await import('../../src/modules/services.ts');
  const platform = await createPlatform(config);
  if (!platform.migrated) throw new Error('database migrations did not apply; is the database reachable?');
  const app = await buildApp(platform, createServices(platform));
  if (release && process.env.BENCH_KEEP_YOUNG_GENERATION_HELD !== '1') releaseWhenBusy(app.server, release);
  return {
    server: app,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const starters = {
    bare: startBare,
    'bare-pg': startBarePg,
    'bare-like': startBareLike,
    'bare-put': startBarePut,
    real: startReal,
  };
  if (!mode || !(mode in starters)) {
    process.stderr.write(
      `usage: node --import tsx bench/support/serve-target.ts <${Object.keys(starters).join('|')}>\n`,
    );
    process.exit(2);
  }
  const target = await starters[mode as keyof typeof starters]();
  // A free port unless the caller names one (BENCH_TARGET_PORT), e.g. to stay inside a reserved range.
  const address = await target.server.listen({ port: Number(process.env.BENCH_TARGET_PORT ?? 0), host: '127.0.0.1' });
  const port = Number(new URL(address).port);
  if (!port) throw new Error(`server did not report a port (${address})`);

  let closing = false;
  const shutdown = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await target
      .close()
      .catch((error: unknown) => process.stderr.write(`serve-target close failed: ${String(error)}\n`));
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  if (process.send) {
    process.on('message', (message: { type?: string }) => {
      if (message?.type === 'cpu') process.send?.({ type: 'cpu', usage: process.cpuUsage() });
    });
    process.on('disconnect', () => void shutdown());
  }
  process.stdout.write(`PORT=${port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`serve-target failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
