import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { idempotencyHeaders, markReplayed } from '../../platform/idempotency/idempotency.ts';
import type { Services } from '../services.ts';
import {
  attendeeSchema,
  bookBody,
  bookingSchema,
  classSchema,
  confirmBody,
  idParams,
  listQuery,
  scheduleClassBody,
} from './schemas.ts';

const tags = ['booking'];

/** Live classes and their bookings (docs/BOOKING.md). Prefix: /api/v1. */
export async function bookingRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { classes, bookings, presenter } = services.booking;

  routes.post(
    '/classes',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Schedule a live class on one of your scheduled streams or premieres',
        body: scheduleClassBody,
        response: { 201: envelope(classSchema) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const cls = await classes.schedule(user, request.body);
      return reply.status(201).send(ok(await presenter.class(cls, user.id)));
    },
  );

  routes.get(
    '/classes',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'Upcoming open classes, soonest first',
        querystring: listQuery,
        response: { 200: envelope(z.array(classSchema)) },
      },
    },
    async (request) => ok(await presenter.classes(await classes.upcoming(request.query.limit), request.user?.id)),
  );

  routes.get(
    '/classes/teaching',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Classes you teach, latest first',
        querystring: listQuery,
        response: { 200: envelope(z.array(classSchema)) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return ok(await presenter.classes(await classes.teaching(user, request.query.limit), user.id));
    },
  );

  routes.get(
    '/classes/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'A class: seats left, waitlist length, and your booking',
        params: idParams,
        response: { 200: envelope(classSchema) },
      },
    },
    async (request) => ok(await presenter.class(await classes.get(request.params.id), request.user?.id)),
  );

  routes.get(
    '/classes/:id/attendees',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "The class's seats and waitlist (its creator only)",
        params: idParams,
        response: { 200: envelope(z.array(attendeeSchema)) },
      },
    },
    async (request) => {
      const list = await classes.attendees(requireUser(request), request.params.id);
      let rank = 0;
      return ok(list.map((entry) => presenter.attendee(entry, entry.booking.status === 'waitlisted' ? ++rank : null)));
    },
  );

  routes.post(
    '/classes/:id/bookings',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Book a seat (held while you confirm) or a waitlist place when the class is full',
        description:
          'Send an Idempotency-Key header to make retries safe: the same key answers the same booking, never a second one.',
        params: idParams,
        headers: idempotencyHeaders,
        body: bookBody,
        response: { 201: envelope(bookingSchema) },
      },
    },
    async (request, reply) => {
      const { booking, replayed } = await bookings.book(
        requireUser(request),
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      );
      markReplayed(reply, replayed);
      return reply.status(201).send(ok(await presenter.booking(booking)));
    },
  );

  routes.get(
    '/bookings',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Your bookings, newest first',
        querystring: listQuery,
        response: { 200: envelope(z.array(bookingSchema)) },
      },
    },
    async (request) => ok(await presenter.bookings(await bookings.mine(requireUser(request), request.query.limit))),
  );

  routes.get(
    '/bookings/:id',
    {
      config: { auth: 'required' },
      schema: { tags, summary: 'One of your bookings', params: idParams, response: { 200: envelope(bookingSchema) } },
    },
    async (request) => ok(await presenter.booking(await bookings.owned(requireUser(request), request.params.id))),
  );

  routes.post(
    '/bookings/:id/confirm',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Confirm a held seat, paying where the class has a price',
        params: idParams,
        body: confirmBody,
        response: { 200: envelope(bookingSchema) },
      },
    },
    async (request) =>
      ok(
        await presenter.booking(
          await bookings.confirm(requireUser(request), request.params.id, request.body.paymentToken),
        ),
      ),
  );

  routes.post(
    '/bookings/:id/cancel',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Cancel a booking (a confirmed seat until the cut-off; paid seats are refunded)',
        params: idParams,
        response: { 200: envelope(bookingSchema) },
      },
    },
    async (request) => ok(await presenter.booking(await bookings.cancel(requireUser(request), request.params.id))),
  );
}
