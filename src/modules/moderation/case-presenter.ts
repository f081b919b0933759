import { toIso } from '../../platform/http/envelope.ts';
import type { CaseRow, QueueCaseRow } from './case-repo.ts';
import type { FrameScoreRow } from './frame-scores-repo.ts';
import type { CaseResponse, queueCaseSchema } from './case-schemas.ts';
import type { z } from 'zod';

export function toCaseResponse(row: CaseRow): CaseResponse {
  return {
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    status: row.status,
    scores: row.scores,
    topCategory: row.top_category,
    topScore: row.top_score,
    reasons: row.reasons,
    model: { name: row.model_name, version: row.model_version },
    held: row.held,
    appeal:
      row.appealed_at && row.appeal_message !== null
        ? { message: row.appeal_message, at: toIso(row.appealed_at) }
        : null,
    review: row.reviewed_at ? { by: row.reviewed_by, at: toIso(row.reviewed_at), note: row.review_note } : null,
    queuedAt: row.queued_at ? toIso(row.queued_at) : null,
    createdAt: toIso(row.created_at),
  };
}

export function toQueueCaseResponse(
  row: QueueCaseRow,
  pictures: FrameScoreRow[] = [],
): z.infer<typeof queueCaseSchema> {
  const text =
    row.subject_type === 'comment'
      ? (row.comment_text ?? '')
      : row.subject_type === 'video_image'
        ? (row.video_title ?? '')
        : `${row.video_title ?? ''}\n\n${row.video_description ?? ''}`.trim();
  return {
    ...toCaseResponse(row),
    owner: { id: row.owner_id, username: row.owner_username },
    content: {
      text,
      video: row.video_id ? { id: row.video_id, title: row.video_title ?? '' } : null,
      pictures: pictures.map((picture) => ({
        position: picture.position,
        source: picture.source,
        atSeconds: picture.at_seconds,
        unsafeScore: Math.round(picture.unsafe_score * 1000) / 1000,
        imageUrl: `/api/v1/admin/moderation/cases/${row.id}/pictures/${picture.position}`,
      })),
    },
  };
}
