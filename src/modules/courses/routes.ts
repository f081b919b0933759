import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { builderRoutes } from './builder-routes.ts';
import { learnerRoutes } from './learner-routes.ts';

/** Courses: the builder's side and the learner's side. Prefix: /api/v1. */
export async function courseRoutes(app: FastifyInstance, { services }: { services: Services }) {
  await app.register(builderRoutes, { services });
  await app.register(learnerRoutes, { services });
}
