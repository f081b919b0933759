import { z } from 'zod';

/** `{ success: true, data, meta? }` — the one success shape every route answers with. */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({
    success: z.literal(true),
    data,
    meta: z.record(z.string(), z.unknown()).optional(),
  });
}

export function ok<T>(data: T, meta?: Record<string, unknown>) {
  return meta ? { success: true as const, data, meta } : { success: true as const, data };
}

export const errorEnvelope = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});

/** Dates leave the API as ISO-8601 strings. */
export const isoDate = z.string().describe('ISO-8601 timestamp');
export const toIso = (date: Date) => date.toISOString();

/**
 * Dates come in the same way: ISO-8601 with `Z` or an offset (what Date#toISOString sends), parsed to a
 * Date. The OpenAPI document then says string / date-time, which a bare z.coerce.date() cannot say.
 */
export const isoDateInput = z.iso.datetime({ offset: true }).pipe(z.coerce.date());
export const toIsoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
