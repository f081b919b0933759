import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { AppError, validationError } from '../../platform/http/errors.ts';
import { BEARER_SECURITY } from '../../platform/http/route-auth.ts';
import { eventStreamQuery, eventStreamUser } from '../../platform/http/event-stream.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { createNotificationPresenter } from './presenter.ts';
import {
  idParams,
  listQuery,
  notificationSchema,
  preferenceSchema,
  preferencesBody,
  readBody,
  unsubscribeQuery,
  unsubscribeResult,
} from './schemas.ts';
import { streamNotifications } from './stream.ts';

const tags = ['notifications'];

export async function notificationRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { inbox, preferences, kinds, links, live } = services.notifications;
  const present = createNotificationPresenter({
    db: platform.database.db,
    kinds,
    videoPresenter: services.videoPresenter,
    config: platform.config,
  });
  const signer = services.accessTokens;

  // Mail clients send the one-click unsubscribe as a form body (RFC 8058); only its presence matters.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, { form: body }),
  );

  routes.get(
    '/notifications',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Your notifications, newest first (cursor pagination); meta.unreadCount is the badge',
        querystring: listQuery,
        response: { 200: envelope(z.array(notificationSchema)) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const page = await inbox.page(user.id, request.query.limit, request.query.cursor, request.query.unread);
      return ok(await present(page.items, request), {
        nextCursor: page.nextCursor,
        unreadCount: await inbox.unreadCount(user.id),
      });
    },
  );

  routes.get(
    '/notifications/unread-count',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'How many of your notifications are unread',
        response: { 200: envelope(z.object({ unreadCount: z.number().int() })) },
      },
    },
    async (request) => ok({ unreadCount: await inbox.unreadCount(requireUser(request).id) }),
  );

  routes.post(
    '/notifications/:id/read',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Mark one notification read (or unread with {"read": false}); idempotent',
        params: idParams,
        body: readBody,
        response: { 200: envelope(z.object({ unreadCount: z.number().int() })) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await inbox.markRead(user.id, request.params.id, request.body.read);
      return ok({ unreadCount: await inbox.unreadCount(user.id) });
    },
  );

  routes.post(
    '/notifications/read-all',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: envelope(z.object({ marked: z.number().int(), unreadCount: z.number().int() })) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const marked = await inbox.markAllRead(user.id);
      return ok({ marked, unreadCount: 0 });
    },
  );

  routes.delete(
    '/notifications/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Delete one of your notifications',
        params: idParams,
        response: { 204: z.null().describe('deleted') },
      },
    },
    async (request, reply) => {
      await inbox.remove(requireUser(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  routes.get(
    '/notifications/stream',
    {
      schema: {
        tags,
        // Not `config.auth`: an EventSource cannot send headers, so the handler also accepts ?access_token=.
        security: BEARER_SECURITY,
        summary: 'Live unread count as Server-Sent Events',
        description:
          'Event `unread` {unreadCount} at once and whenever your notifications change; `: heartbeat` comments keep it open. ' +
          'Authenticate with the Authorization header or `?access_token=`.',
        querystring: eventStreamQuery,
        response: { 200: z.string().describe('text/event-stream') },
      },
    },
    async (request, reply) => {
      const actor = await eventStreamUser(request, signer, request.query.access_token);
      streamNotifications({ inbox, live }, request, reply, actor.id);
      return reply;
    },
  );

  routes.get(
    '/notifications/preferences',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'How each kind of notification reaches you (defaults included)',
        response: { 200: envelope(z.array(preferenceSchema)) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return ok(await preferences.list(user.id, user.role));
    },
  );

  routes.put(
    '/notifications/preferences',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Set the delivery of some kinds: in_app, mail_immediate, mail_digest or off',
        description: "Per channel, switch a subscription's notifications with PUT /users/{id}/subscription.",
        body: preferencesBody,
        response: { 200: envelope(z.array(preferenceSchema)) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const allowed = new Set((await preferences.list(user.id, user.role)).map((preference) => preference.kind));
      const unknown = request.body.preferences.flatMap((change, index) =>
        allowed.has(change.kind)
          ? []
          : [
              {
                field: `preferences.${index}.kind`,
                message: `is not a notification kind you can receive: ${change.kind}`,
              },
            ],
      );
      if (unknown.length > 0) throw validationError('Unknown notification kind', unknown);
      await preferences.set(user.id, request.body.preferences);
      return ok(await preferences.list(user.id, user.role));
    },
  );

  /** Both unsubscribe routes refuse a link whose signature does not match its user and kind. */
  const verifiedTarget = (query: z.infer<typeof unsubscribeQuery>) => {
    const target = { userId: query.user, kind: query.kind };
    if (!links.verify(target, query.sig))
      throw new AppError(
        403,
        ErrorCode.INVALID_SIGNATURE,
        'This unsubscribe link is not valid: it was changed or cut short. Use the link from the mail as it is, or sign in and change your notification settings.',
      );
    if (query.kind !== 'all' && !kinds.get(query.kind))
      throw validationError('Unknown notification kind', [{ field: 'kind', message: 'is not a notification kind' }]);
    return target;
  };
  const labelOf = (kind: string) => (kind === 'all' ? 'every notification mail' : kinds.require(kind).label);

  routes.get(
    '/notifications/unsubscribe',
    {
      schema: {
        tags,
        summary: 'Check a signed unsubscribe link (no sign-in); changes nothing',
        querystring: unsubscribeQuery,
        response: { 200: envelope(unsubscribeResult) },
      },
    },
    async (request) => {
      const target = verifiedTarget(request.query);
      return ok({ kind: target.kind, label: labelOf(target.kind), unsubscribed: [] });
    },
  );

  routes.post(
    '/notifications/unsubscribe',
    {
      schema: {
        tags,
        summary: "One-click unsubscribe from a kind's mail (or `all`) with a signed link; no sign-in (RFC 8058)",
        description: 'The kinds stay in the app; only their mail stops. Idempotent.',
        querystring: unsubscribeQuery,
        response: { 200: envelope(unsubscribeResult) },
      },
    },
    async (request) => {
      const target = verifiedTarget(request.query);
      const unsubscribed = await preferences.stopMail(target.userId, target.kind);
      return ok({ kind: target.kind, label: labelOf(target.kind), unsubscribed });
    },
  );
}
