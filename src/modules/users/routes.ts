import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { requireUser } from '../../platform/http/auth-guard.ts';
import type { Services } from '../services.ts';
import {
  publicUserSchema,
  privateUserSchema,
  toPrivateUser,
  toPublicUser,
  updateUserBody,
  userIdParams,
} from './schemas.ts';

export async function userRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { users } = services;

  routes.get(
    '/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Public profile of a user',
        params: userIdParams,
        response: { 200: envelope(publicUserSchema) },
      },
    },
    async (request) => ok(toPublicUser(await users.get(request.params.id))),
  );

  routes.put(
    '/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['users'],
        summary: "Edit a profile (your own, or anyone's as admin)",
        params: userIdParams,
        body: updateUserBody,
        response: { 200: envelope(privateUserSchema) },
      },
    },
    async (request) => {
      const updated = await users.update(requireUser(request), request.params.id, request.body);
      return ok(toPrivateUser(updated));
    },
  );
}
