import type { FastifyReply, FastifySchema } from 'fastify';
import { z } from 'zod';
import { ok } from '../../platform/http/envelope.ts';

/** What every course route shares: its tag, whether a user is needed, and a summary. */
export const tags = ['courses'];

/**
 * A route's options: auth mode, summary and schema parts (params, body, querystring, response). The
 * schema keeps its literal type, so the Zod type provider still types the request and the reply.
 */
export const route = <S extends FastifySchema>(auth: 'required' | 'optional', summary: string, schema: S) => ({
  config: { auth },
  schema: { tags, summary, ...schema },
});

export const doneSchema = z.object({ done: z.literal(true) });

/** Runs an action that answers nothing but success. */
export async function done(action: Promise<unknown>) {
  await action;
  return ok({ done: true as const });
}

/** Answers 201 with the created resource. */
export async function created<T>(reply: FastifyReply, resource: Promise<T>) {
  const value = await resource;
  reply.status(201);
  return ok(value);
}
