import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { aiStatus, aiStatusSchema } from '../intelligence/ai-status.ts';

const dependencyStatus = z.object({ status: z.enum(['up', 'down']), error: z.string().optional() });
const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), dependencyStatus),
  ai: aiStatusSchema.optional(),
});

async function check(probe: () => Promise<unknown>): Promise<z.infer<typeof dependencyStatus>> {
  try {
    await Promise.race([
      probe(),
      new Promise((_resolve, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref()),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

export async function healthRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  routes.get(
    '/ready',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database (and Redis, when configured) answer and migrations are applied',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      // A draining process answers "not ready" first, so the load balancer moves traffic before it stops.
      if (platform.drain.draining) {
        const checks = { process: { status: 'down' as const, error: 'shutting down' } };
        return reply.status(503).send({ status: 'not_ready', checks });
      }
      const checks: Record<string, z.infer<typeof dependencyStatus>> = {
        database: await check(() => platform.database.ping()),
      };
      if (checks.database?.status === 'up' && !platform.migrated) {
        checks.database = { status: 'down', error: 'migrations not applied yet' };
      }
      if (platform.redis) {
        const redis = platform.redis;
        checks.redis = await check(() => redis.ping());
      }
      const ready = Object.values(checks).every((dependency) => dependency.status === 'up');
      // Informational: a failure to describe the AI layer never turns a ready instance unready.
      const ai = ready ? await aiStatus(platform.database.db, services.ai).catch(() => undefined) : undefined;
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks, ai });
    },
  );
}
