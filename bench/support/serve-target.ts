/**
 * One benchmark target server, meant to run in its own process so the load generator never shares
 * its event loop:  node --import tsx bench/support/serve-target.ts <bare|real>
 *
 * - bare: a plain Fastify app whose GET /api/v1/users/:id returns a constant (the ceiling).
 * - bare-pg: a plain Fastify app whose GET /api/v1/users/:id runs the real route's SELECT through a
 *   `pg` pool of 10 on DATABASE_URL (the limit for a database read).
 * - real: the full StreamHub app (buildApp on createPlatform), configured from the environment like
 *   `streamhub serve`, but without the in-process job workers so idle polling does not add noise.
 *
 * Listens on 127.0.0.1 on a free port and prints `PORT=<n>` on stdout once it accepts connections.
 * When started with an IPC channel it answers { type: 'cpu' } with its process.cpuUsage(), and exits
 * when the parent goes away. SIGTERM/SIGINT close it cleanly (so --cpu-prof profiles get written).
 */
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

async function startReal(): Promise<{ server: Server; close(): Promise<void> }> {
  // Imported lazily so the bare target does not pay for (or get perturbed by) the app's modules.
  const { loadConfig } = await import('../../src/config.ts');
  const { createPlatform } = await import('../../src/platform/platform.ts');
  const { buildApp } = await import('../../src/app.ts');
  const { createServices } = await import('../../src/modules/services.ts');
  const config = loadConfig(process.env);
  const platform = await createPlatform(config);
  if (!platform.migrated) throw new Error('database migrations did not apply; is the database reachable?');
  const app = await buildApp(platform, createServices(platform));
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
  const starters = { bare: startBare, 'bare-pg': startBarePg, real: startReal };
  if (mode !== 'bare' && mode !== 'bare-pg' && mode !== 'real') {
    process.stderr.write('usage: node --import tsx bench/support/serve-target.ts <bare|bare-pg|real>\n');
    process.exit(2);
  }
  const target = await starters[mode]();
  const address = await target.server.listen({ port: 0, host: '127.0.0.1' });
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
