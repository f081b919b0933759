import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, isoDate, ok } from '../../platform/http/envelope.ts';
import { listMailbox } from '../../platform/mail/mailbox.ts';
import type { Platform } from '../../platform/platform.ts';
import { limitParam } from '../../platform/pagination/page-query.ts';

const mailMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  headers: z.record(z.string(), z.string()),
  createdAt: isoDate,
});

/** The embedded mailbox: what StreamHub would have emailed, for instances without SMTP. */
export async function adminMailRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/mail',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Messages kept by the embedded mailer, newest first',
        querystring: z.object({ limit: limitParam(), to: z.string().optional() }),
        response: { 200: envelope(z.array(mailMessage)) },
      },
    },
    async (request) => {
      const messages = await listMailbox(platform.database.db, request.query);
      return ok(messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString() })));
    },
  );
}
