import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { formatAge } from '../../components/format.ts';
import { Tabs } from '../../components/Tabs.tsx';
import { useCursorList } from '../../hooks/useCursorList.ts';
import { useLoadMoreSentinel } from '../../hooks/useInfiniteScroll.ts';
import { decideCase, fetchModerationQueuePage, moderationQueueKey, type QueueCase } from '../../intelligence/ai-api.ts';
import { FlaggedPictures } from './FlaggedPictures.tsx';
import './admin-ai.css';
import { FormError } from '../../components/FormError.tsx';

const VIEWS = [
  { value: 'pending', label: 'Pending' },
  { value: 'decided', label: 'Decided' },
] as const;

const SUBJECT_LABEL: Record<QueueCase['subjectType'], string> = {
  comment: 'Comment',
  video: 'Video',
  video_image: 'Video pictures',
};

/** Scores per category as bars, so the deciding one stands out. */
function Scores({ scores, top }: { scores: Record<string, number>; top: string }) {
  return (
    <dl className="case-scores">
      {Object.entries(scores).map(([category, score]) => (
        <div key={category} className={category === top ? 'case-score top' : 'case-score'}>
          <dt>{category}</dt>
          <dd>
            <meter min={0} max={1} value={score} aria-label={`${category} score`} /> {score.toFixed(2)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function CaseCard({
  entry,
  onDecide,
  deciding,
}: {
  entry: QueueCase;
  onDecide?: (decision: 'approve' | 'reject', note: string) => void;
  deciding: boolean;
}) {
  const [note, setNote] = useState('');
  const noteId = `note-${entry.id}`;
  const where = entry.content.video;
  return (
    <li className="admin-card moderation-case" data-case-id={entry.id} data-subject-id={entry.subjectId}>
      <p>
        <strong>{SUBJECT_LABEL[entry.subjectType]}</strong> by {entry.owner.username}
        {where && (
          <>
            {' '}
            on <Link to={`/watch/${where.id}`}>{where.title}</Link>
          </>
        )}
        <span className="muted">
          {' '}
          · {formatAge(entry.queuedAt ?? entry.createdAt)} · {entry.status}
          {entry.held ? ' · held' : ''}
        </span>
      </p>
      {entry.subjectType !== 'video_image' && <blockquote className="comment-text">{entry.content.text}</blockquote>}
      <FlaggedPictures caseId={entry.id} pictures={entry.content.pictures} />
      <Scores scores={entry.scores} top={entry.topCategory} />
      {entry.reasons.length > 0 && (
        <p>
          <span className="muted">Reasons:</span> {entry.reasons.join('; ')}
        </p>
      )}
      <p className="muted small">
        Model: {entry.model.name} {entry.model.version}
      </p>
      {entry.appeal && (
        <p className="case-appeal">
          <strong>Appeal</strong> ({formatAge(entry.appeal.at)}): “{entry.appeal.message}”
        </p>
      )}
      {entry.review && (
        <p className="muted">
          Decided {formatAge(entry.review.at)}
          {entry.review.note ? `: “${entry.review.note}”` : ''}
        </p>
      )}
      {onDecide && (
        <div className="case-actions">
          <label htmlFor={noteId} className="sr-only">
            Note for this decision
          </label>
          <input
            id={noteId}
            type="text"
            placeholder="Note (optional)"
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
          <button
            type="button"
            className="button primary"
            disabled={deciding}
            onClick={() => onDecide('approve', note)}
          >
            Approve
          </button>
          <button type="button" className="button danger" disabled={deciding} onClick={() => onDecide('reject', note)}>
            Reject
          </button>
        </div>
      )}
    </li>
  );
}

/** The moderation model's review queue (comments and videos): approve or reject with a note; decided cases below their tab. */
export function ModerationQueue() {
  const queryClient = useQueryClient();
  const [view, setView] = useState<'pending' | 'decided'>('pending');
  const cases = useCursorList<QueueCase>(moderationQueueKey(view), (cursor) => fetchModerationQueuePage(view, cursor));
  const sentinel = useLoadMoreSentinel(cases.loadMore, Boolean(cases.hasNextPage));
  const decide = useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'approve' | 'reject'; note: string }) =>
      decideCase(id, decision, note),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin-moderation'] }),
  });

  return (
    <section>
      <Tabs label="Moderation cases" tabs={VIEWS} value={view} onChange={setView} />
      <FormError message={decide.error?.message} />
      {cases.error ? (
        <ListErrorPage error={cases.error} what="Moderation cases" />
      ) : (
        <>
          {cases.isPending && <p className="muted">Loading…</p>}
          {cases.items?.length === 0 && (
            <p className="empty">{view === 'pending' ? 'Nothing waits for review.' : 'No decisions yet.'}</p>
          )}
          <ul className="admin-list">
            {cases.items?.map((entry) => (
              <CaseCard
                key={entry.id}
                entry={entry}
                deciding={decide.isPending}
                onDecide={
                  view === 'pending' ? (decision, note) => decide.mutate({ id: entry.id, decision, note }) : undefined
                }
              />
            ))}
          </ul>
          <div ref={sentinel} className="load-more" aria-hidden="true" />
        </>
      )}
    </section>
  );
}
