import { z } from 'zod';
import { isoDate } from '../../platform/http/envelope.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';

export const MAX_COMMENT_LENGTH = 10_000;

/** Every control character except newline and tab: they break rendering and can smuggle terminal escapes. */
const FORBIDDEN_CONTROL_CHARACTERS = /[^\P{Cc}\n\t]/u;

/** Stored verbatim (no HTML stripping: the API speaks plain text and clients escape it when rendering). */
export const commentTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`)
  .refine(
    (text) => !FORBIDDEN_CONTROL_CHARACTERS.test(text),
    'must not contain control characters (newline and tab are fine)',
  );

export const commentIdParams = z.object({ id: z.uuid('must be a UUID') });

export const createCommentBody = z
  .object({
    videoId: z.uuid('must be a UUID'),
    text: commentTextSchema,
  })
  .strict();

export const commentTextBody = z.object({ text: commentTextSchema }).strict();

export const commentSortSchema = z.enum(['top', 'newest']);
export type CommentSort = z.infer<typeof commentSortSchema>;

export const listCommentsQuery = pageQuery.extend({
  sort: commentSortSchema.default('top').describe('top: most liked first; newest: most recent first'),
});

export const listRepliesQuery = pageQuery;

export const commentSettingsBody = z.object({ commentsEnabled: z.boolean() }).strict();

export const commentSettingsSchema = z.object({ videoId: z.string(), commentsEnabled: z.boolean() });

const userSummarySchema = z.object({ id: z.string(), username: z.string() });

export const commentSchema = z.object({
  id: z.string(),
  videoId: z.string(),
  parentId: z.string().nullable().describe("the thread's top-level comment; null for a top-level comment"),
  replyToUser: userSummarySchema.nullable().describe('whose reply this answers, when it replies to a reply'),
  text: z.string().describe('plain text exactly as written (escape it when rendering); "[deleted]" once deleted'),
  author: userSummarySchema.extend({ avatarUrl: z.string().nullable() }).nullable().describe('null once deleted'),
  likeCount: z.number().int(),
  replyCount: z.number().int().describe('replies that are neither deleted nor hidden'),
  hasLiked: z.boolean().describe('whether the caller likes it (false when anonymous)'),
  isEdited: z.boolean(),
  isHidden: z.boolean().describe('hidden by the video owner or an admin; only they and the author still see it'),
  isDeleted: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type CommentResponse = z.infer<typeof commentSchema>;

export const commentLikeSchema = z.object({ commentId: z.string(), liked: z.boolean(), likeCount: z.number().int() });
