import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { categorySchema } from '../videos/schemas.ts';
import { limitParam, pageNumberParam, pageQuery } from '../../platform/pagination/page-query.ts';

/** Deep offsets are slow and nobody reads page 101; refine the query instead. */
export const MAX_SEARCH_PAGE = 100;

const tagList = z
  .string()
  .max(330, 'must be at most 330 characters')
  .transform((raw) => [
    ...new Set(
      raw
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(30, 'each tag must be at most 30 characters')).max(10, 'at most 10 tags'));

export const searchQuery = z.object({
  q: z
    .string()
    .max(200, 'must be at most 200 characters')
    .default('')
    .describe('Words (AND), "quoted phrases", -excluded words; the last word also matches as a prefix'),
  category: categorySchema.optional(),
  duration: z.enum(['short', 'medium', 'long']).optional().describe('short < 4 min, medium 4–20 min, long > 20 min'),
  uploaded: z.enum(['hour', 'day', 'week', 'month', 'year']).optional().describe('uploaded within the last …'),
  tags: tagList.optional().describe('comma-separated; every tag must be on the video'),
  sort: z.enum(['relevance', '-views', '-uploaded_at']).default('relevance'),
  mode: z
    .enum(['keyword', 'semantic', 'hybrid'])
    .default('keyword')
    .describe(
      'keyword: full-text; semantic: embeddings of videos and transcripts; hybrid: both, fused by reciprocal rank (sorted by relevance)',
    ),
  page: pageNumberParam(MAX_SEARCH_PAGE),
  limit: limitParam(),
});

export const searchResultSchema = z.object({
  id: z.uuid(),
  title: z.string().describe('plain text'),
  description: z.string().describe('plain text: the start of the description, at most 200 characters'),
  tags: z.array(z.string()),
  category: z.string().nullable(),
  duration: z.number().nullable().describe('seconds'),
  views: z.number(),
  likes: z.number(),
  thumbnailUrl: z.string().nullable(),
  creator: z.object({ id: z.uuid(), username: z.string() }),
  uploadedAt: isoDate,
  highlights: z.object({
    title: z.string().describe('HTML: the title escaped, matched words wrapped in <mark>…</mark>'),
    description: z
      .string()
      .describe('HTML: up to two escaped fragments of the description around matches, with <mark>'),
  }),
  transcriptMatch: z
    .object({
      text: z.string().describe('plain text of the transcript line'),
      startSeconds: z.number().describe('where the line is spoken: open /watch/<id>?t=<startSeconds>'),
    })
    .nullable()
    .optional()
    .describe(
      'the transcript line that matched best (its words in every mode, then its meaning in semantic and hybrid modes); null when the video matched on its metadata only',
    ),
});

export const autocompleteQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});

export const suggestionSchema = z.object({
  type: z.enum(['video', 'tag', 'channel']),
  text: z.string(),
  id: z.uuid().nullable().describe('the video id or the channel (user) id; null for tags'),
});

export const suggestionsQuery = z.object({ limit: limitParam({ max: 50, default: 10 }) });

export const popularQuerySchema = z.object({ query: z.string(), searches: z.number().int() });

export const zeroResultsQuery = pageQuery;

export const zeroResultQuerySchema = z.object({
  query: z.string(),
  searches: z.number().int(),
  lastSearchedAt: isoDate,
});
