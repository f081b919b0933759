import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminOnly } from '../../platform/http/auth-guard.ts';
import { envelope, isoDate, ok } from '../../platform/http/envelope.ts';
import { listMailbox } from '../../platform/mail/mailbox.ts';
import type { Platform } from '../../platform/platform.ts';

const mailMessage = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: isoDate });

/** The embedded mailbox: what StreamHub would have emailed, for instances without SMTP. */
export async function adminMailRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  app.withTypeProvider<ZodTypeProvider>().get('/mail', {
    preHandler: adminOnly,
    schema: {
      tags: ['admin'],
      summary: 'Messages kept by the embedded mailer, newest first',
      security: [{ bearerAuth: [] }],
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), to: z.string().optional() }),
      response: { 200: envelope(z.array(mailMessage)) },
    },
  }, async (request) => {
    const messages = await listMailbox(platform.database.db, request.query);
    return ok(messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString() })));
  });
}
