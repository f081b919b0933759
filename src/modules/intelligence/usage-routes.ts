import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, isoDate, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { userQueries } from '../users/user-queries.ts';

const figures = {
  calls: z.number().int(),
  failures: z.number().int().describe('calls that failed or were refused (quota, budget)'),
  inputTokens: z.number(),
  outputTokens: z.number(),
  audioSeconds: z.number(),
  costUsd: z.number().describe('estimated from the configured prices'),
};

export const aiUsageSchema = z.object({
  days: z.number().int(),
  totals: z.object(figures),
  perDay: z.array(z.object({ day: z.string().describe('YYYY-MM-DD (UTC)'), ...figures })),
  perTask: z.array(z.object({ task: z.string(), provider: z.string(), model: z.string(), ...figures })),
  topUsers: z.array(z.object({ user: z.object({ id: z.string(), username: z.string() }).nullable(), ...figures })),
  providers: z.array(
    z.object({
      task: z.string(),
      chain: z.array(
        z.object({
          provider: z.string().describe('kind:model, in fallback order'),
          lastOkAt: isoDate.nullable(),
          lastErrorAt: isoDate.nullable(),
          lastError: z.string().nullable(),
        }),
      ),
    }),
  ),
  limits: z.object({
    dailyBudgetUsd: z.number(),
    userDailyQuotaUsd: z.number(),
    spentTodayUsd: z.number().describe('remote spending so far today (UTC)'),
  }),
});

const usageQuery = z.object({
  days: z.coerce.number().int().min(1, 'must be at least 1').max(90, 'must be at most 90').default(14),
});

/** The admin's AI usage report: calls, tokens, audio seconds and cost per day, task and user; the provider chains. */
export async function usageRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const db = platform.database.db;

  routes.get(
    '/admin/ai/usage',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary:
          'AI usage over the last days: calls, tokens, audio seconds and estimated cost per day, task and top users; provider chains with their last success and error (admin)',
        querystring: usageQuery,
        response: { 200: envelope(aiUsageSchema) },
      },
    },
    async (request) => {
      const report = await services.aiUsage.report(request.query.days);
      const topUsers = await Promise.all(
        report.topUsers.map(async ({ userId, ...figures }) => {
          const user = await userQueries.findById(db, userId);
          return { user: user ? { id: user.id, username: user.username } : null, ...figures };
        }),
      );
      return ok({ ...report, topUsers });
    },
  );
}
