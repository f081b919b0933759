import { api, expectNoContent, unwrap, unwrapPage } from '../api/typed-client.ts';
import type { ReportReason } from '../api/types.ts';

export type CommentSort = 'top' | 'newest';

export function commentsKey(videoId: string, sort?: CommentSort) {
  return sort ? ['comments', videoId, sort] : ['comments', videoId];
}

export function repliesKey(commentId: string) {
  return ['replies', commentId];
}

const byId = (id: string) => ({ params: { path: { id } } });

export const fetchCommentsPage = (videoId: string, sort: CommentSort, cursor?: string) =>
  unwrapPage(
    api.GET('/api/v1/videos/{id}/comments', { params: { path: { id: videoId }, query: { sort, cursor, limit: 100 } } }),
  );
export const fetchRepliesPage = (commentId: string, cursor?: string) =>
  unwrapPage(
    api.GET('/api/v1/comments/{id}/replies', { params: { path: { id: commentId }, query: { cursor, limit: 20 } } }),
  );

/** Posting carries an Idempotency-Key so a retried click cannot post the same comment twice. */
export const postComment = (videoId: string, text: string, idempotencyKey: string) =>
  unwrap(
    api.POST('/api/v1/comments', {
      body: { videoId, text },
      params: { header: { 'idempotency-key': idempotencyKey } },
    }),
  );

export const postReply = (commentId: string, text: string, idempotencyKey: string) =>
  unwrap(
    api.POST('/api/v1/comments/{id}/reply', {
      params: { path: { id: commentId }, header: { 'idempotency-key': idempotencyKey } },
      body: { text },
    }),
  );

export const editComment = (commentId: string, text: string) =>
  unwrap(api.PUT('/api/v1/comments/{id}', { ...byId(commentId), body: { text } }));

export const deleteComment = (commentId: string) =>
  expectNoContent(api.DELETE('/api/v1/comments/{id}', byId(commentId)));

export const setCommentLike = (commentId: string, like: boolean) =>
  unwrap(
    like
      ? api.POST('/api/v1/comments/{id}/like', byId(commentId))
      : api.DELETE('/api/v1/comments/{id}/like', byId(commentId)),
  );

/** Reporting the same comment again while the first report is open answers that report: no duplicates. */
export const reportComment = (commentId: string, reason: ReportReason, details: string) =>
  unwrap(
    api.POST('/api/v1/comments/{id}/report', {
      ...byId(commentId),
      body: { reason, ...(details.trim() ? { details } : {}) },
    }),
  );

export const translateComment = (commentId: string, to: string) =>
  unwrap(api.GET('/api/v1/comments/{id}/translation', { params: { path: { id: commentId }, query: { to } } }));
