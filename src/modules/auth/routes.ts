import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { userRepo } from '../users/repo.ts';
import { privateUserSchema, toPrivateUser } from '../users/schemas.ts';
import {
  changePasswordBody,
  forgotPasswordBody,
  loginBody,
  messageSchema,
  refreshBody,
  registerBody,
  resetPasswordBody,
  sessionSchema,
} from './schemas.ts';

const clientInfo = (request: FastifyRequest) => ({ userAgent: request.headers['user-agent'], ip: request.ip });

export async function authRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { config } = platform;
  const { auth } = services;
  const tags = ['auth'];

  routes.post(
    '/register',
    {
      config: { rateLimit: { max: config.rateLimits.registerPerHour, timeWindow: 3600_000 } },
      schema: {
        tags,
        summary: 'Create an account and sign in',
        body: registerBody,
        response: { 201: envelope(sessionSchema) },
      },
    },
    async (request, reply) => reply.status(201).send(ok(await auth.register(request.body, clientInfo(request)))),
  );

  routes.post(
    '/login',
    {
      config: { rateLimit: { max: config.rateLimits.loginPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Sign in with email (or username) and password',
        body: loginBody,
        response: { 200: envelope(sessionSchema) },
      },
    },
    async (request) => ok(await auth.login(request.body.email, request.body.password, clientInfo(request))),
  );

  routes.post(
    '/refresh',
    {
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new pair (the old one is spent)',
        body: refreshBody,
        response: { 200: envelope(sessionSchema) },
      },
    },
    async (request) => ok(await auth.refresh(request.body.refreshToken, clientInfo(request))),
  );

  routes.post(
    '/logout',
    {
      schema: {
        tags,
        summary: 'End the login a refresh token belongs to',
        body: refreshBody,
        response: { 200: envelope(messageSchema) },
      },
    },
    async (request) => {
      await auth.logout(request.body.refreshToken);
      return ok({ message: 'Signed out' });
    },
  );

  routes.post(
    '/forgot-password',
    {
      config: { rateLimit: { max: 5, timeWindow: 3600_000 } },
      schema: {
        tags,
        summary: 'Email a password-reset link (answers the same whether or not the account exists)',
        body: forgotPasswordBody,
        response: { 202: envelope(messageSchema) },
      },
    },
    async (request, reply) => {
      await auth.forgotPassword(request.body.email);
      return reply.status(202).send(ok({ message: 'If an account uses this address, a reset link is on its way' }));
    },
  );

  routes.post(
    '/reset-password',
    {
      config: { rateLimit: { max: 10, timeWindow: 3600_000 } },
      schema: {
        tags,
        summary: 'Set a new password with a reset token; signs out every session',
        body: resetPasswordBody,
        response: { 200: envelope(messageSchema) },
      },
    },
    async (request) => {
      await auth.resetPassword(request.body.token, request.body.password);
      return ok({ message: 'Password changed; sign in with the new one' });
    },
  );

  routes.post(
    '/change-password',
    {
      // As tight as sign-in: the current password is checked here too, so this must not become a way to guess it.
      config: { auth: 'required', rateLimit: { max: config.rateLimits.loginPerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Change your password (the current one proves it is you); signs out every other session',
        description:
          'Answers a new session for the caller: every earlier refresh token is revoked. A wrong current password ' +
          'is a 400 on currentPassword; a weak new one, or the current one again, a 400 on newPassword. The ' +
          "account's address gets a notice.",
        body: changePasswordBody,
        response: { 200: envelope(sessionSchema) },
      },
    },
    async (request) => ok(await auth.changePassword(requireUser(request), request.body, clientInfo(request))),
  );

  routes.get(
    '/me',
    {
      config: { auth: 'required' },
      schema: { tags, summary: 'The signed-in account', response: { 200: envelope(privateUserSchema) } },
    },
    async (request) => {
      const user = await userRepo.findById(platform.database.db, requireUser(request).id);
      if (!user) throw notFound('User');
      return ok(toPrivateUser(user));
    },
  );
}
