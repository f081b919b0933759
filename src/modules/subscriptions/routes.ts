import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';
import { userIdParams } from '../users/schemas.ts';
import {
  mySubscriptionSchema,
  notificationsBody,
  subscriptionEntrySchema,
  subscriptionSourceBody,
  subscriptionSourceQuery,
  subscriptionStateSchema,
  toMySubscription,
  toSubscriptionEntry,
  toSubscriptionState,
} from './schemas.ts';

const tags = ['subscriptions'];

/** Subscribe/unsubscribe, the notification toggle, and follower/following lists. Prefix: /api/v1. */
export async function subscriptionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { subscriptions } = services;

  routes.post(
    '/users/:id/subscribe',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Subscribe to a channel (idempotent)',
        description:
          'Subscribing again is a no-op that answers the existing subscription. Your own channel is refused with 400 SELF_SUBSCRIPTION; unknown or banned channels are 404.',
        params: userIdParams,
        body: subscriptionSourceBody,
        response: { 200: envelope(subscriptionStateSchema) },
      },
    },
    async (request) =>
      ok(
        toSubscriptionState(
          await subscriptions.subscribe(requireUser(request), request.params.id, request.body?.fromVideoId),
        ),
      ),
  );

  routes.delete(
    '/users/:id/subscribe',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Unsubscribe from a channel (idempotent)',
        params: userIdParams,
        querystring: subscriptionSourceQuery,
        response: { 204: z.null().describe('Not subscribed (any more)') },
      },
    },
    async (request, reply) => {
      await subscriptions.unsubscribe(requireUser(request), request.params.id, request.query.fromVideoId);
      return reply.status(204).send(null);
    },
  );

  routes.put(
    '/users/:id/subscription',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Turn notifications for a channel you subscribe to on or off',
        description: '404 NOT_SUBSCRIBED when you do not subscribe to the channel.',
        params: userIdParams,
        body: notificationsBody,
        response: { 200: envelope(subscriptionStateSchema) },
      },
    },
    async (request) => {
      const state = await subscriptions.setNotifications(
        requireUser(request),
        request.params.id,
        request.body.notificationsEnabled,
      );
      return ok(toSubscriptionState(state));
    },
  );

  routes.get(
    '/users/:id/followers',
    {
      schema: {
        tags,
        summary: 'Subscribers of a channel, newest first (cursor pagination)',
        params: userIdParams,
        querystring: pageQuery,
        response: { 200: envelope(z.array(subscriptionEntrySchema)) },
      },
    },
    async (request) => {
      const page = await subscriptions.followers(request.params.id, request.query);
      return ok(page.items.map(toSubscriptionEntry), { nextCursor: page.nextCursor });
    },
  );

  routes.get(
    '/users/:id/following',
    {
      schema: {
        tags,
        summary: 'Channels a user subscribes to, newest first (cursor pagination)',
        params: userIdParams,
        querystring: pageQuery,
        response: { 200: envelope(z.array(subscriptionEntrySchema)) },
      },
    },
    async (request) => {
      const page = await subscriptions.following(request.params.id, request.query);
      return ok(page.items.map(toSubscriptionEntry), { nextCursor: page.nextCursor });
    },
  );

  routes.get(
    '/me/subscriptions',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Your subscriptions with their notification setting, newest first (cursor pagination)',
        querystring: pageQuery,
        response: { 200: envelope(z.array(mySubscriptionSchema)) },
      },
    },
    async (request) => {
      const page = await subscriptions.following(requireUser(request).id, request.query);
      return ok(page.items.map(toMySubscription), { nextCursor: page.nextCursor });
    },
  );
}
