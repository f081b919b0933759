import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { imageModerationAvailability } from '../../platform/ai/local/image-moderation.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { caseRepo } from './case-repo.ts';
import { frameScoresRepo } from './frame-scores-repo.ts';
import { commentIdParams } from '../comments/schemas.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { toCaseResponse, toQueueCaseResponse } from './case-presenter.ts';
import {
  appealBody,
  caseIdParams,
  caseSchema,
  framePictureParams,
  listCasesQuery,
  moderationStatusSchema,
  queueCaseSchema,
  reviewBody,
} from './case-schemas.ts';
import type { CaseSubject } from './tables.ts';
import { z } from 'zod';

const APPEAL =
  'Once per comment or video, while it is held for review or after a rejection: the case goes back to the admin queue with the message. A second appeal is 409 ALREADY_APPEALED; a subject that was not flagged (or was approved) is 409 NOTHING_TO_APPEAL.';

/** Automatic moderation's HTTP side: owners read their case and appeal; admins review the queue. Registered under /api/v1. */
export async function caseRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const review = services.caseReview;

  const subjects: Array<[CaseSubject, string, typeof commentIdParams | typeof videoIdParams]> = [
    ['comment', '/comments/:id', commentIdParams],
    ['video', '/videos/:id', videoIdParams],
  ];
  for (const [subject, path, params] of subjects) {
    routes.get(
      `${path}/moderation`,
      {
        config: { auth: 'required' },
        schema: {
          tags: ['moderation'],
          summary: `Automatic moderation of your ${subject}: scores, reasons, status (owner or admin)`,
          params,
          response: { 200: envelope(caseSchema) },
        },
      },
      async (request) => ok(toCaseResponse(await review.caseFor(requireUser(request), subject, request.params.id))),
    );

    routes.post(
      `${path}/appeal`,
      {
        config: { auth: 'required' },
        schema: {
          tags: ['moderation'],
          summary: `Appeal the automatic moderation of your ${subject}`,
          description: APPEAL,
          params,
          body: appealBody,
          response: { 200: envelope(caseSchema) },
        },
      },
      async (request) => {
        const actor = requireUser(request);
        const row =
          subject === 'comment'
            ? await review.appealComment(actor, request.params.id, request.body.message)
            : await review.appealVideo(actor, request.params.id, request.body.message);
        return ok(toCaseResponse(row));
      },
    );
  }

  routes.get(
    '/admin/moderation/cases',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Automatic moderation review queue with scores, reasons and appeals (admin; cursor pagination)',
        querystring: listCasesQuery,
        response: { 200: envelope(z.array(queueCaseSchema)) },
      },
    },
    async (request) => {
      const { status, type, cursor, limit } = request.query;
      const page = await review.listQueue({ status, subjectType: type }, cursor, limit);
      const pictureCases = page.items.filter((row) => row.subject_type === 'video_image');
      const pictures = await frameScoresRepo.flagged(
        platform.database.db,
        pictureCases.map((row) => row.subject_id),
        platform.config.imageModeration.threshold,
      );
      return ok(
        page.items.map((row) =>
          toQueueCaseResponse(
            row,
            row.subject_type === 'video_image' ? pictures.filter((picture) => picture.video_id === row.subject_id) : [],
          ),
        ),
        { nextCursor: page.nextCursor },
      );
    },
  );

  routes.get(
    '/admin/moderation/cases/:id/pictures/:position',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: "A scored picture of a video's picture case (poster or frame), as JPEG (admin)",
        params: framePictureParams,
        produces: ['image/jpeg'],
      },
    },
    async (request, reply) => {
      const found = await caseRepo.findById(platform.database.db, request.params.id);
      if (!found) throw notFound('Moderation case');
      if (found.subject_type !== 'video_image')
        throw new AppError(404, ErrorCode.NOT_FOUND, 'Only cases on video pictures have pictures');
      const picture = await frameScoresRepo.find(platform.database.db, found.subject_id, request.params.position);
      if (!picture) throw notFound('Picture');
      const object = await platform.storage.getObject(picture.image_key);
      return reply
        .header('content-type', 'image/jpeg')
        .header('cache-control', 'private, max-age=300')
        .send(object.body);
    },
  );

  for (const [action, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    routes.post(
      `/admin/moderation/cases/:id/${action}`,
      {
        config: { auth: { role: 'admin' } },
        schema: {
          tags: ['admin'],
          summary:
            decision === 'approved'
              ? 'Approve: the comment shows again, the video returns to public lists (admin)'
              : 'Reject: the comment stays hidden, the video stays out of public lists (admin)',
          description: 'Only pending cases: anything else is 409 CASE_DECIDED.',
          params: caseIdParams,
          // A decision without a note may come with no body at all (Fastify then hands the schema null).
          body: reviewBody.nullish(),
          response: { 200: envelope(caseSchema) },
        },
      },
      async (request) =>
        ok(toCaseResponse(await review.decide(requireUser(request), request.params.id, decision, request.body?.note))),
    );
  }

  routes.get(
    '/admin/moderation/status',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Which moderation models run, and the thresholds (admin)',
        response: { 200: envelope(moderationStatusSchema) },
      },
    },
    async () =>
      ok({
        text: {
          available: true as const,
          chain: services.moderator.router.chain.map((provider) => `${provider.model.provider}:${provider.model.name}`),
          ...platform.config.moderation,
        },
        image: { ...imageModerationAvailability(), ...platform.config.imageModeration },
      }),
  );
}
