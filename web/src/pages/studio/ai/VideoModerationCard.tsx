import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/api-error.ts';
import { AppealForm } from '../../../intelligence/AppealForm.tsx';
import { appealVideo, fetchVideoModeration, videoModerationKey } from '../../../intelligence/ai-api.ts';

const STATUS_TEXT = {
  clear: 'Clear: nothing was flagged.',
  pending: 'Flagged: waiting for a moderator.',
  approved: 'Approved by a moderator.',
  rejected: 'Rejected by a moderator: kept out of public lists.',
} as const;

/** The moderation model's view of the title and description, the review, and the creator's appeal. */
export function VideoModerationCard({ videoId }: { videoId: string }) {
  const queryClient = useQueryClient();
  const moderation = useQuery({
    queryKey: videoModerationKey(videoId),
    queryFn: () => fetchVideoModeration(videoId),
    retry: false,
  });
  const none = moderation.error instanceof ApiError && moderation.error.status === 404;
  const current = moderation.data;
  return (
    <section className="studio-card" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">Moderation</h2>
      {moderation.isPending && <p className="muted">Loading…</p>}
      {none && <p>Not checked yet, or nothing to check.</p>}
      {moderation.error && !none && (
        <p className="form-error" role="alert">
          {moderation.error.message}
        </p>
      )}
      {current && (
        <>
          <p className={`moderation-status status-${current.status}`}>
            {STATUS_TEXT[current.status]}
            {current.held ? ' It is held out of search and channel lists until approved.' : ''}
          </p>
          <table className="score-table">
            <caption className="sr-only">Scores per category</caption>
            <tbody>
              {Object.entries(current.scores).map(([category, score]) => (
                <tr key={category}>
                  <th scope="row">{category}</th>
                  <td>{score.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {current.reasons.length > 0 && <p>Reasons: {current.reasons.join('; ')}</p>}
          <p className="muted small">
            Model: {current.model.name} {current.model.version}
          </p>
          {current.review && <p>Review{current.review.note ? `: “${current.review.note}”` : ''}</p>}
          {current.appeal && <p className="muted">You appealed: “{current.appeal.message}”.</p>}
          {!current.appeal && (current.status === 'pending' || current.status === 'rejected') && (
            <AppealForm
              label="Why should this video be approved?"
              onSubmit={async (message) => {
                await appealVideo(videoId, message);
                await queryClient.invalidateQueries({ queryKey: videoModerationKey(videoId) });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
