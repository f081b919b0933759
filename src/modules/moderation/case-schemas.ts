import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';

const messageSchema = z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters');

export const caseIdParams = z.object({ id: z.uuid('must be a UUID') });
export const appealBody = z
  .object({ message: messageSchema.describe('why the decision should be reconsidered') })
  .strict();
export const reviewBody = z.object({ note: messageSchema.optional() }).strict();

export const listCasesQuery = pageQuery.extend({
  status: z
    .enum(['pending', 'decided'])
    .default('pending')
    .describe('pending: the review queue, oldest first; decided: approved and rejected, newest first'),
  type: z
    .enum(['comment', 'video', 'video_image'])
    .optional()
    .describe('video: title and description; video_image: poster, custom thumbnail and sampled frames'),
});

export const caseSchema = z.object({
  id: z.string(),
  subjectType: z
    .enum(['comment', 'video', 'video_image'])
    .describe('video: its title and description; video_image: its poster, custom thumbnail and sampled frames'),
  subjectId: z.string(),
  status: z.enum(['clear', 'pending', 'approved', 'rejected']),
  scores: z
    .record(z.string(), z.number())
    .describe(
      '0..1 per category (text: toxicity, spam, profanity; pictures: porn, hentai, sexy, drawing, neutral, unsafe)',
    ),
  topCategory: z.string(),
  topScore: z.number(),
  reasons: z.array(z.string()).describe('the evidence the model found'),
  model: z.object({ name: z.string(), version: z.string() }),
  held: z.boolean().describe('comment: hidden from others; video: kept out of public lists'),
  appeal: z.object({ message: z.string(), at: isoDate }).nullable(),
  review: z.object({ by: z.string().nullable(), at: isoDate, note: z.string().nullable() }).nullable(),
  queuedAt: isoDate.nullable(),
  createdAt: isoDate,
});
export type CaseResponse = z.infer<typeof caseSchema>;

export const flaggedPictureSchema = z.object({
  position: z.number().int(),
  source: z.enum(['poster', 'frame', 'custom_thumbnail']),
  atSeconds: z.number().nullable().describe('where in the video the frame is; null for the poster and thumbnail'),
  unsafeScore: z.number(),
  imageUrl: z.string().describe('the picture as JPEG (admin, bearer token)'),
});

/** A case in the admin queue, with what it is about. */
export const queueCaseSchema = caseSchema.extend({
  owner: z.object({ id: z.string(), username: z.string() }),
  content: z.object({
    text: z.string().describe("the comment, or the video's title and description"),
    video: z.object({ id: z.string(), title: z.string() }).nullable(),
    pictures: z
      .array(flaggedPictureSchema)
      .describe('video_image cases: the pictures at or above the threshold, most unsafe first (else empty)'),
  }),
});

export const framePictureParams = z.object({
  id: z.uuid('must be a UUID'),
  position: z.coerce.number().int().min(0),
});

export const moderationStatusSchema = z.object({
  text: z.object({
    available: z.literal(true),
    chain: z.array(z.string()).describe('providers in fallback order'),
    threshold: z.number(),
    videoHoldThreshold: z.number(),
  }),
  image: z.object({
    available: z.boolean(),
    reason: z.string(),
    threshold: z.number(),
    holdThreshold: z.number(),
    frames: z.number().int().describe('evenly spaced frames scored per video'),
    sceneFrames: z.number().int().describe('at most this many shot starts scored as well'),
  }),
});
