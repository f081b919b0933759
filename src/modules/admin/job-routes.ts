import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, isoDate, ok, toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import { notFound } from '../../platform/http/errors.ts';
import { isQueueName } from '../../platform/jobs/job-options.ts';
import type { JobRecord } from '../../platform/jobs/job-queue.ts';
import type { Platform } from '../../platform/platform.ts';
import { limitParam } from '../../platform/pagination/page-query.ts';

const jobSchema = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  payload: z.unknown(),
  status: z.enum(['waiting', 'active', 'completed', 'failed']),
  attempts: z.number(),
  maxAttempts: z.number(),
  progress: z.number(),
  lastError: z.string().nullable(),
  createdAt: isoDate,
  finishedAt: isoDate.nullable(),
});

const toJob = (job: JobRecord): z.infer<typeof jobSchema> => ({
  ...job,
  createdAt: toIso(job.createdAt),
  finishedAt: toIsoOrNull(job.finishedAt),
});

/** The dead letters: jobs that used up their attempts, for an admin to inspect and retry. */
export async function adminJobRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/jobs/failed',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Dead-lettered jobs, most recently failed first',
        querystring: z.object({
          queue: z.string().refine(isQueueName, 'must be a queue name (letters, digits, _ - .)').optional(),
          limit: limitParam(),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: envelope(z.array(jobSchema)) },
      },
    },
    async (request) => {
      const { queue, limit, offset } = request.query;
      const jobs = await platform.jobs.listFailed({ ...(queue ? { queue } : {}), limit, offset });
      return ok(jobs.map(toJob), { limit, offset });
    },
  );

  routes.post(
    '/jobs/:id/retry',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Put a dead-lettered job back in its queue with fresh attempts',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: envelope(jobSchema) },
      },
    },
    async (request) => {
      if (!(await platform.jobs.retry(request.params.id))) throw notFound('Dead-lettered job');
      const job = await platform.jobs.getJob(request.params.id);
      if (!job) throw notFound('Job');
      return ok(toJob(job));
    },
  );

  routes.delete(
    '/jobs/:id',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Discard a dead-lettered job for good (only failed jobs can be discarded)',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!(await platform.jobs.discard(request.params.id))) throw notFound('Dead-lettered job');
      return reply.status(204).send(null);
    },
  );
}
