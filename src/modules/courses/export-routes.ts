import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, isoDate, ok, toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import type { ExportRow } from './course-exports.ts';
import { courseIdParams } from './schemas.ts';

const tags = ['courses'];

const exportSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  answerKey: z.boolean(),
  pages: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  failureReason: z.string().nullable(),
  downloadUrl: z.string().nullable().describe('a signed, expiring link to the PDF once completed'),
  createdAt: isoDate,
  finishedAt: isoDate.nullable(),
});

/** PDF export of a course: request (a job), status with the signed link, and the signed download. Prefix: /api/v1. */
export async function courseExportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { exports } = services.courses;
  const present = (row: ExportRow) => ({
    id: row.id,
    courseId: row.course_id,
    status: row.status,
    answerKey: row.answer_key,
    pages: row.pages,
    bytes: row.bytes,
    failureReason: row.failure_reason,
    downloadUrl: exports.downloadPath(row),
    createdAt: toIso(row.created_at),
    finishedAt: toIsoOrNull(row.finished_at),
  });

  routes.post(
    '/courses/:id/exports',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Export the course to PDF in the background (answer key: creator only)',
        params: courseIdParams,
        body: z
          .object({ answerKey: z.boolean().default(false) })
          .strict()
          .default({ answerKey: false }),
        response: { 202: envelope(exportSchema) },
      },
    },
    async (request, reply) => {
      const row = await exports.request(requireUser(request), request.params.id, request.body.answerKey);
      reply.status(202);
      return ok(present(row));
    },
  );

  routes.get(
    '/course-exports/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'An export: status, and the signed download link when completed',
        params: z.object({ id: z.uuid() }),
        response: { 200: envelope(exportSchema) },
      },
    },
    async (request) => ok(present(await exports.get(requireUser(request), request.params.id))),
  );

  routes.get(
    '/course-exports/:id/file',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'The exported PDF, through the signed link from the export (no bearer token needed)',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ expires: z.coerce.number().int(), sig: z.string().min(1).max(100) }).strict(),
      },
    },
    async (request, reply) => {
      const object = await exports.open(request.params.id, request.query.expires, request.query.sig);
      reply.header('content-type', 'application/pdf');
      reply.header('content-length', String(object.size));
      reply.header('content-disposition', `attachment; filename="course-${request.params.id}.pdf"`);
      return reply.send(object.body);
    },
  );
}
