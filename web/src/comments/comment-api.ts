import { request } from '../api/client.ts';
import type { Comment } from '../api/types.ts';

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
