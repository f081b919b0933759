import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';

export const bookingStatusSchema = z.enum([
  'held',
  'paying',
  'confirmed',
  'waitlisted',
  'cancelled',
  'expired',
  'payment_failed',
]);

export const bookingSchema = z.object({
  id: z.uuid(),
  classId: z.uuid(),
  classTitle: z.string(),
  startsAt: isoDate,
  status: bookingStatusSchema,
  seatNo: z.number().int().nullable(),
  holdExpiresAt: isoDate.nullable().describe('Held: the seat is released at this time unless confirmed (and paid)'),
  waitlistPosition: z.number().int().nullable().describe('1 for the head of the waitlist; null when not waitlisted'),
  amountCents: z.number().int(),
  currency: z.string(),
  paid: z.boolean(),
  refunded: z.boolean(),
  cancelUntil: isoDate.describe('A confirmed seat can be cancelled until this time'),
  createdAt: isoDate,
  confirmedAt: isoDate.nullable(),
});

export const classSchema = z.object({
  id: z.uuid(),
  streamId: z.uuid(),
  courseId: z.uuid().nullable(),
  creatorId: z.uuid(),
  title: z.string(),
  description: z.string(),
  startsAt: isoDate,
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waitlisted: z.number().int(),
  priceCents: z.number().int(),
  currency: z.string(),
  cancelCutoffMinutes: z.number().int(),
  cancelUntil: isoDate,
  status: z.enum(['open', 'cancelled']),
  holdSeconds: z.number().int().describe('How long a booked seat is held while the learner confirms'),
  myBooking: bookingSchema.nullable().describe('The signed-in learner’s live booking of this class'),
});

export const attendeeSchema = z.object({
  bookingId: z.uuid(),
  userId: z.uuid(),
  username: z.string(),
  status: bookingStatusSchema,
  seatNo: z.number().int().nullable(),
  waitlistPosition: z.number().int().nullable(),
  paid: z.boolean(),
  createdAt: isoDate,
});

export const scheduleClassBody = z
  .object({
    streamId: z.uuid().describe('A scheduled live stream or premiere of yours, with a start time in the future'),
    courseId: z.uuid().optional().describe('A course of yours the class belongs to'),
    capacity: z.number().int().min(1).max(10_000),
    priceCents: z.number().int().min(0).max(10_000_000).optional().describe('0 or absent: free'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as USD')
      .optional(),
    cancelCutoffMinutes: z.number().int().min(0).max(43_200).optional().describe('Default 60'),
    title: z.string().trim().min(1).max(200).optional().describe("Default: the stream's title"),
    description: z.string().max(5000).optional(),
  })
  .strict();

export const bookBody = z
  .object({
    joinWaitlist: z
      .boolean()
      .optional()
      .describe('When every seat is taken: wait in line (default) or be refused (409 CLASS_FULL)'),
  })
  .strict();

export const confirmBody = z
  .object({
    paymentToken: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Required when the class has a price: the token from the payment checkout'),
  })
  .strict();

export const idParams = z.object({ id: z.uuid() });
export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
