import { request } from '../api/client.ts';
import type { Comment, CommentTranslation, ReportReason } from '../api/types.ts';

export type CommentSort = 'top' | 'newest';

export function commentsKey(videoId: string, sort?: CommentSort) {
  return sort ? ['comments', videoId, sort] : ['comments', videoId];
}

export function repliesKey(commentId: string) {
  return ['replies', commentId];
}

/** Posting carries an Idempotency-Key so a retried click cannot post the same comment twice. */
export function postComment(videoId: string, text: string, idempotencyKey: string): Promise<Comment> {
  return request<Comment>('/api/v1/comments', { method: 'POST', body: { videoId, text }, headers: { 'idempotency-key': idempotencyKey } });
}

export function postReply(commentId: string, text: string, idempotencyKey: string): Promise<Comment> {
  return request<Comment>(`/api/v1/comments/${commentId}/reply`, { method: 'POST', body: { text }, headers: { 'idempotency-key': idempotencyKey } });
}

export function editComment(commentId: string, text: string): Promise<Comment> {
  return request<Comment>(`/api/v1/comments/${commentId}`, { method: 'PUT', body: { text } });
}

export function deleteComment(commentId: string): Promise<void> {
  return request<void>(`/api/v1/comments/${commentId}`, { method: 'DELETE' });
}

export function setCommentLike(commentId: string, like: boolean): Promise<{ liked: boolean; likeCount: number }> {
  return request(`/api/v1/comments/${commentId}/like`, { method: like ? 'POST' : 'DELETE' });
}

/** Reporting the same comment again while the first report is open answers that report: no duplicates. */
export function reportComment(commentId: string, reason: ReportReason, details: string): Promise<unknown> {
  return request(`/api/v1/comments/${commentId}/report`, { method: 'POST', body: { reason, ...(details.trim() ? { details } : {}) } });
}

export function translateComment(commentId: string, to: string): Promise<CommentTranslation> {
  return request<CommentTranslation>(`/api/v1/comments/${commentId}/translation`, { query: { to } });
}
