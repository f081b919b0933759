import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { idempotencyHeaders, markReplayed } from '../../platform/idempotency/idempotency.ts';
import { toCommentResponse } from './presenter.ts';
import {
  commentIdParams,
  commentLikeSchema,
  commentSchema,
  commentSettingsBody,
  commentSettingsSchema,
  commentTextBody,
  createCommentBody,
  listCommentsQuery,
  listRepliesQuery,
} from './schemas.ts';
import type { CreatedComment } from './service.ts';

const tags = ['comments'];
const pageMeta = 'meta.nextCursor continues the list (null on the last page)';
const IDEMPOTENCY =
  'Send an Idempotency-Key header to make retries safe: the same key answers the comment it created (header Idempotent-Replayed: true).';

/** 201 either way: a replayed create answers what the first attempt answered. */
function sendCreated(reply: FastifyReply, { comment, replayed }: CreatedComment) {
  markReplayed(reply, replayed);
  reply.status(201);
  return ok(toCommentResponse(comment));
}

/** Comments, replies, comment likes and the per-video comments switch. Registered under /api/v1. */
export async function commentRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { config } = platform;
  const { comments, commentQueries: queries } = services;

  routes.post(
    '/comments',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Comment on a video',
        description: `Ready videos you can see, unless the owner turned comments off (403 COMMENTS_DISABLED). Suspended accounts get 403 ACCOUNT_SUSPENDED. New comments and replies are rate limited per user (${config.comments.ratePerMinute}/min, bursts of ${config.comments.burst}): 429 with Retry-After. ${IDEMPOTENCY}`,
        headers: idempotencyHeaders,
        body: createCommentBody,
        response: { 201: envelope(commentSchema) },
      },
    },
    async (request, reply) => {
      const created = await comments.post(
        requireUser(request),
        request.body.videoId,
        request.body.text,
        request.headers['idempotency-key'],
      );
      return sendCreated(reply, created);
    },
  );

  routes.post(
    '/comments/:id/reply',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Reply to a comment; a reply to a reply joins the same thread and mentions whom it answers',
        description: `Same rules and rate limit as posting a comment. ${IDEMPOTENCY}`,
        headers: idempotencyHeaders,
        params: commentIdParams,
        body: commentTextBody,
        response: { 201: envelope(commentSchema) },
      },
    },
    async (request, reply) => {
      const created = await comments.reply(
        requireUser(request),
        request.params.id,
        request.body.text,
        request.headers['idempotency-key'],
      );
      return sendCreated(reply, created);
    },
  );

  routes.get(
    '/comments/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'One comment (a tombstone once deleted)',
        params: commentIdParams,
        response: { 200: envelope(commentSchema) },
      },
    },
    async (request) => ok(toCommentResponse(await queries.get(request.user, request.params.id))),
  );

  routes.put(
    '/comments/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Edit your comment (marks it edited)',
        params: commentIdParams,
        body: commentTextBody,
        response: { 200: envelope(commentSchema) },
      },
    },
    async (request) =>
      ok(toCommentResponse(await comments.edit(requireUser(request), request.params.id, request.body.text))),
  );

  routes.delete(
    '/comments/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Delete a comment (author, video owner or admin); soft, replies stay readable. Idempotent.',
        params: commentIdParams,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await comments.delete(requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/comments/:id/replies',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'Replies of a thread, oldest first (cursor pagination)',
        description: pageMeta,
        params: commentIdParams,
        querystring: listRepliesQuery,
        response: { 200: envelope(z.array(commentSchema)) },
      },
    },
    async (request) => {
      const page = await queries.listReplies(request.user, request.params.id, request.query);
      return ok(page.items.map(toCommentResponse), { nextCursor: page.nextCursor });
    },
  );

  routes.post(
    '/comments/:id/like',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Like a comment (idempotent)',
        params: commentIdParams,
        response: { 200: envelope(commentLikeSchema) },
      },
    },
    async (request) => ok(await comments.like(requireUser(request), request.params.id)),
  );

  routes.delete(
    '/comments/:id/like',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Take back a like (idempotent)',
        params: commentIdParams,
        response: { 200: envelope(commentLikeSchema) },
      },
    },
    async (request) => ok(await comments.unlike(requireUser(request), request.params.id)),
  );

  routes.get(
    '/videos/:id/comments',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: "A video's top-level comments, most liked or newest first (cursor pagination)",
        description: `${pageMeta}; meta.commentsEnabled says whether new comments are accepted. Hidden comments are left out except for their author, the video owner and admins.`,
        params: videoIdParams,
        querystring: listCommentsQuery,
        response: { 200: envelope(z.array(commentSchema)) },
      },
    },
    async (request) => {
      const page = await queries.listThreads(request.user, request.params.id, request.query);
      return ok(page.items.map(toCommentResponse), {
        nextCursor: page.nextCursor,
        sort: request.query.sort,
        commentsEnabled: page.commentsEnabled,
      });
    },
  );

  routes.put(
    '/videos/:id/comment-settings',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Turn comments on or off for a video (owner or admin)',
        params: videoIdParams,
        body: commentSettingsBody,
        response: { 200: envelope(commentSettingsSchema) },
      },
    },
    async (request) =>
      ok(await comments.setCommentsEnabled(requireUser(request), request.params.id, request.body.commentsEnabled)),
  );
}
