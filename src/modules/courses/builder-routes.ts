import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import { toCourse, toLesson, toModule } from './course-outline.ts';
import { created, done, doneSchema, route } from './route-kit.ts';
import {
  catalogueQuery,
  courseIdParams,
  courseSchema,
  createCourseBody,
  createLessonBody,
  editorLessonSchema,
  editorOutlineSchema,
  lessonParams,
  moduleBody,
  moduleParams,
  moduleSchema,
  orderBody,
  outlineSchema,
  publishBody,
  updateCourseBody,
  updateLessonBody,
} from './schemas.ts';

/** The catalogue, the course page and the builder (courses, modules, lessons, order, publishing). */
export async function builderRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { editor, outlines } = services.courses;

  routes.get(
    '/courses',
    route(
      'optional',
      'The course catalogue (published public courses, newest first), or with mine=true the courses you created',
      { querystring: catalogueQuery, response: { 200: envelope(z.array(courseSchema)) } },
    ),
    async (request) => ok(await outlines.catalogue(request.user, request.query.mine === 'true', request.query.limit)),
  );

  routes.post(
    '/courses',
    route('required', 'Create a course (a draft)', {
      body: createCourseBody,
      response: { 201: envelope(courseSchema) },
    }),
    (request, reply) => created(reply, editor.create(requireUser(request), request.body).then(toCourse)),
  );

  routes.get(
    '/courses/:id',
    route('optional', 'A course page: the course and its outline (quiz answers are never included)', {
      params: courseIdParams,
      response: { 200: envelope(outlineSchema) },
    }),
    async (request) => ok(await outlines.forLearner(request.user, request.params.id)),
  );

  routes.get(
    '/courses/:id/edit',
    route(
      'required',
      "The course builder's view: the outline with quiz answers and each item's origin (creator only)",
      {
        params: courseIdParams,
        response: { 200: envelope(editorOutlineSchema) },
      },
    ),
    async (request) => ok(await outlines.forEditor(requireUser(request), request.params.id)),
  );

  routes.put(
    '/courses/:id',
    route('required', 'Edit a course', {
      params: courseIdParams,
      body: updateCourseBody,
      response: { 200: envelope(courseSchema) },
    }),
    async (request) => ok(toCourse(await editor.update(requireUser(request), request.params.id, request.body))),
  );

  routes.post(
    '/courses/:id/publish',
    route('required', 'Publish a course (it needs a lesson) or take it back to draft', {
      params: courseIdParams,
      body: publishBody,
      response: { 200: envelope(courseSchema) },
    }),
    async (request) =>
      ok(toCourse(await editor.setPublished(requireUser(request), request.params.id, request.body.published))),
  );

  routes.delete(
    '/courses/:id',
    route('required', 'Delete a course with its lessons and learner progress', {
      params: courseIdParams,
      response: { 200: envelope(doneSchema) },
    }),
    (request) => done(editor.remove(requireUser(request), request.params.id)),
  );

  routes.post(
    '/courses/:id/modules',
    route('required', 'Add a module at the end', {
      params: courseIdParams,
      body: moduleBody,
      response: { 201: envelope(moduleSchema) },
    }),
    (request, reply) =>
      created(reply, editor.addModule(requireUser(request), request.params.id, request.body.title).then(toModule)),
  );

  routes.put(
    '/courses/:id/modules/:moduleId',
    route('required', 'Rename a module', {
      params: moduleParams,
      body: moduleBody,
      response: { 200: envelope(moduleSchema) },
    }),
    async (request) => {
      const { id, moduleId } = request.params;
      return ok(toModule(await editor.renameModule(requireUser(request), id, moduleId, request.body.title)));
    },
  );

  routes.delete(
    '/courses/:id/modules/:moduleId',
    route('required', 'Delete a module and its lessons', {
      params: moduleParams,
      response: { 200: envelope(doneSchema) },
    }),
    (request) => done(editor.removeModule(requireUser(request), request.params.id, request.params.moduleId)),
  );

  routes.post(
    '/courses/:id/modules/:moduleId/lessons',
    route(
      'required',
      'Add a lesson at the end of a module: a video (yours or a public one), a reading (Markdown) or a quiz',
      { params: moduleParams, body: createLessonBody, response: { 201: envelope(editorLessonSchema) } },
    ),
    (request, reply) => {
      const { id, moduleId } = request.params;
      const lesson = editor.addLesson(requireUser(request), id, moduleId, request.body);
      return created(
        reply,
        lesson.then((row) => toLesson(row, true)),
      );
    },
  );

  routes.put(
    '/courses/:id/lessons/:lessonId',
    route('required', 'Edit a lesson; a generated lesson or question that changes is marked edited', {
      params: lessonParams,
      body: updateLessonBody,
      response: { 200: envelope(editorLessonSchema) },
    }),
    async (request) => {
      const { id, lessonId } = request.params;
      return ok(toLesson(await editor.updateLesson(requireUser(request), id, lessonId, request.body), true));
    },
  );

  routes.delete(
    '/courses/:id/lessons/:lessonId',
    route('required', 'Delete a lesson', { params: lessonParams, response: { 200: envelope(doneSchema) } }),
    (request) => done(editor.removeLesson(requireUser(request), request.params.id, request.params.lessonId)),
  );

  routes.put(
    '/courses/:id/order',
    route('required', 'Reorder the outline (drag and drop): every module and lesson, in their new order', {
      params: courseIdParams,
      body: orderBody,
      response: { 200: envelope(doneSchema) },
    }),
    (request) => done(editor.reorder(requireUser(request), request.params.id, request.body)),
  );
}
