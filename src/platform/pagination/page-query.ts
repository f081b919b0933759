import { z } from 'zod';

/**
 * The query parameters of every paginated list: `limit` (capped), and `cursor` for keyset lists or
 * `page` for page-numbered ones (search, trending). Limits are always capped so a client cannot ask
 * the database for an unbounded page.
 */
export interface LimitOptions {
  max?: number;
  default?: number;
}

export function limitParam({ max = 100, default: fallback = 20 }: LimitOptions = {}) {
  return z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`)
    .default(fallback)
    .describe(`page size, 1-${max} (default ${fallback})`);
}

export const MAX_CURSOR_LENGTH = 500;

export const cursorParam = z
  .string()
  .max(MAX_CURSOR_LENGTH, `must be at most ${MAX_CURSOR_LENGTH} characters`)
  .optional()
  .describe('meta.nextCursor of the previous page');

/** `?cursor=&limit=` of a keyset-paginated list; `.extend()` it with the list's filters. */
export function cursorPageQuery(limits?: LimitOptions) {
  return z.object({ cursor: cursorParam, limit: limitParam(limits) });
}

/** `?cursor=&limit=` with the usual caps (1-100, default 20). */
export const pageQuery = cursorPageQuery();

export interface PageRequest {
  cursor?: string;
  limit: number;
}

/** `?page=` of a page-numbered list, 1-based and capped. */
export function pageNumberParam(max: number) {
  return z.coerce.number().int().min(1, 'must be at least 1').max(max, `must be at most ${max}`).default(1);
}
