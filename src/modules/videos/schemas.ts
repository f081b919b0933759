import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { insightsSchema } from '../intelligence/schemas.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';

export const VIDEO_CATEGORIES = [
  'education',
  'music',
  'gaming',
  'science',
  'technology',
  'sports',
  'news',
  'entertainment',
  'travel',
  'howto',
  'film',
  'comedy',
  'people',
  'other',
] as const;

export const categorySchema = z.enum(VIDEO_CATEGORIES);
export const visibilitySchema = z.enum(['public', 'unlisted', 'private']);
export const videoStatusSchema = z.enum(['uploading', 'processing', 'ready', 'failed', 'deleted']);

const titleSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const descriptionSchema = z.string().max(5000, 'must be at most 5000 characters');

/** Tags are matched case-insensitively, so they are stored lowercase, trimmed and without repeats. */
const tagsSchema = z
  .array(z.string().trim().toLowerCase().min(1, 'must not be empty').max(30, 'must be at most 30 characters'))
  .max(10, 'at most 10 tags')
  .transform((tags) => [...new Set(tags)]);

export const createVideoBody = z
  .object({
    title: titleSchema,
    description: descriptionSchema.default(''),
    tags: tagsSchema.default([]),
    category: categorySchema.default('other'),
    visibility: visibilitySchema.default('public'),
  })
  .strict();

export const updateVideoBody = z
  .object({
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    tags: tagsSchema.optional(),
    category: categorySchema.optional(),
    visibility: visibilitySchema.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');

export const videoIdParams = z.object({ id: z.uuid('must be a UUID') });

export const listQuery = pageQuery;

export const videoSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  category: z.string().nullable(),
  visibility: visibilitySchema,
  status: videoStatusSchema,
  failureReason: z.string().nullable(),
  processingProgress: z.number().describe('0-100 while processing'),
  duration: z.number().nullable().describe('seconds'),
  width: z.number().nullable(),
  height: z.number().nullable(),
  thumbnailUrl: z
    .string()
    .nullable()
    .describe('the custom thumbnail when there is one and it is shown, else the poster'),
  customThumbnail: z
    .enum(['shown', 'held_for_review'])
    .nullable()
    .describe(
      "the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown " +
        'until an admin approves); null when there is none, and for everyone but the owner',
    ),
  storyboard: z.object({ imageUrl: z.string(), vttUrl: z.string() }).nullable(),
  renditions: z.array(
    z.object({ name: z.string(), width: z.number().nullable(), height: z.number().nullable(), bandwidth: z.number() }),
  ),
  views: z.number(),
  likes: z.number(),
  hasLiked: z.boolean().describe('whether the signed-in caller likes this video (false for guests)'),
  commentCount: z.number(),
  creator: z.object({ id: z.string(), username: z.string(), avatarUrl: z.string().nullable() }),
  createdAt: isoDate,
  uploadedAt: isoDate.nullable(),
  processedAt: isoDate.nullable(),
  insights: insightsSchema
    .nullable()
    .optional()
    .describe('summary, key points and chapters (single-video responses; null until analysed)'),
});

export const uploadInstructionsSchema = z.object({
  protocol: z.literal('tus'),
  endpoint: z.string().describe('tus creation endpoint'),
  metadata: z
    .object({ videoId: z.string() })
    .describe('send as tus Upload-Metadata (values base64), plus filename if you like'),
  maxSizeBytes: z.number(),
});

export const createdVideoSchema = z.object({ video: videoSchema, upload: uploadInstructionsSchema });

export const streamUrlSchema = z.object({
  url: z.string().describe('master playlist (HLS)'),
  expiresAt: isoDate.optional().describe('present when the URL is signed'),
});

export type VideoResponse = z.infer<typeof videoSchema>;
export type CreateVideoInput = z.infer<typeof createVideoBody>;
export type UpdateVideoInput = z.infer<typeof updateVideoBody>;
