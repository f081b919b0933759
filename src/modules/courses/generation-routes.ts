import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, isoDate, ok, toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import { unprocessable } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import type { GenerationRow } from './course-generation.ts';
import type { DocumentKind } from './course-documents.ts';
import { streamGeneration } from './generation-stream.ts';

const tags = ['courses'];

const generationSchema = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  stage: z.string(),
  progress: z.number().int(),
  failureReason: z.string().nullable(),
  courseId: z.uuid().nullable(),
  generator: z.string().nullable().describe('"remote" when the configured generator wrote it, "local" otherwise'),
  tokensUsed: z.number().int(),
  createdAt: isoDate,
  finishedAt: isoDate.nullable(),
});

const toGeneration = (row: GenerationRow) => ({
  id: row.id,
  status: row.status,
  stage: row.stage,
  progress: row.progress,
  failureReason: row.failure_reason,
  courseId: row.course_id,
  generator: row.generator,
  tokensUsed: row.tokens_used,
  createdAt: toIso(row.created_at),
  finishedAt: toIsoOrNull(row.finished_at),
});

const generationOptionsSchema = z.object({
  remoteGenerator: z
    .string()
    .nullable()
    .describe("the configured AI generator's model; null when only the offline pipeline can write courses"),
  quota: z.object({
    limit: z.number().int().describe('generator tokens per user per UTC day'),
    used: z.number().int(),
    remaining: z.number().int(),
    resetsInSeconds: z.number().int().describe('seconds until the quota resets (00:00 UTC)'),
  }),
});

const generateBody = z
  .object({
    title: z.string().trim().min(1).max(150).optional(),
    videoIds: z.array(z.uuid()).max(50).default([]),
    documentIds: z.array(z.uuid()).max(20).default([]),
    questionsPerModule: z.number().int().min(1).max(20).default(4),
    useGenerator: z
      .boolean()
      .default(false)
      .describe('let the configured AI generator write it (uses your daily token quota)'),
  })
  .strict()
  .refine((body) => body.videoIds.length + body.documentIds.length > 0, {
    message: 'name at least one source',
    path: ['videoIds'],
  });

const documentSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  kind: z.enum(['pdf', 'markdown', 'epub']),
  pageCount: z.number().int(),
  createdAt: isoDate,
});
const toDocument = (row: {
  id: string;
  filename: string;
  kind: DocumentKind;
  page_count: number;
  created_at: Date;
}) => ({
  id: row.id,
  filename: row.filename,
  kind: row.kind,
  pageCount: row.page_count,
  createdAt: toIso(row.created_at),
});

const KINDS: Record<string, DocumentKind> = {
  'application/pdf': 'pdf',
  'text/markdown': 'markdown',
  'application/epub+zip': 'epub',
};

/** Source documents, generation requests, their status and their progress stream. Prefix: /api/v1. */
export async function courseGenerationRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { generation, documents } = services.courses;
  const bodyLimit = platform.config.courses.documentMaxBytes;
  app.addContentTypeParser(Object.keys(KINDS), { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  routes.post(
    '/course-documents',
    {
      bodyLimit,
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Upload a source document (body: the PDF, EPUB or Markdown file); its text is extracted now',
        description:
          'Content-Type application/pdf (a scan is read by OCR), application/epub+zip or text/markdown. ' +
          'An unreadable file is a 422 with the reason.',
        querystring: z.object({ filename: z.string().trim().min(1).max(200) }).strict(),
        response: { 201: envelope(documentSchema) },
      },
    },
    async (request, reply) => {
      const kind = KINDS[(request.headers['content-type'] ?? '').split(';')[0]!.trim()];
      if (!kind || !Buffer.isBuffer(request.body))
        throw unprocessable('Send the file as application/pdf, application/epub+zip or text/markdown');
      const document = await documents.upload(requireUser(request), request.query.filename, kind, request.body);
      reply.status(201);
      return ok(toDocument(document));
    },
  );

  routes.get(
    '/course-documents',
    {
      config: { auth: 'required' },
      schema: { tags, summary: 'Your uploaded source documents', response: { 200: envelope(z.array(documentSchema)) } },
    },
    async (request) => ok((await documents.list(requireUser(request))).map(toDocument)),
  );

  routes.get(
    '/course-generation-options',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary:
          'Which generators can write a course (the offline pipeline always; the AI one when configured) and your quota',
        response: { 200: envelope(generationOptionsSchema) },
      },
    },
    async (request) => ok(await generation.options(requireUser(request).id)),
  );

  routes.post(
    '/course-generations',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Generate a course from videos and documents, as a job (idempotent per sources and options)',
        description:
          'The same request returns the existing generation (201 only when a new one starts). With useGenerator, ' +
          'a spent daily token quota is a 429 with Retry-After and the remaining quota; useGenerator without a ' +
          'configured generator is a 422.',
        body: generateBody,
        response: { 200: envelope(generationSchema), 201: envelope(generationSchema) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { generation: row, created } = await generation.request(user, request.body);
      const quota = await generation.quota(user.id);
      reply.status(created ? 201 : 200);
      return ok(toGeneration(row), { quotaRemainingTokens: quota.remaining });
    },
  );

  routes.get(
    '/course-generations/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'A generation: status, stage, progress, the course when done, the reason when failed',
        params: z.object({ id: z.uuid() }),
        response: { 200: envelope(generationSchema) },
      },
    },
    async (request) => ok(toGeneration(await generation.get(requireUser(request), request.params.id))),
  );

  routes.get(
    '/course-generations/:id/events',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Server-Sent Events: `progress` while it runs, then `completed` or `failed` (the stream ends)',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = await generation.get(user, request.params.id);
      streamGeneration(platform.pubsub, request, reply, id, async () => toGeneration(await generation.get(user, id)));
    },
  );
}
