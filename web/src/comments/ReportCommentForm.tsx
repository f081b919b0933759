import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { REPORT_REASONS, type ReportReason } from '../api/types.ts';
import { reportComment } from './comment-api.ts';

const REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam or misleading',
  harassment: 'Harassment or bullying',
  hate: 'Hateful content',
  misinformation: 'Misinformation',
  other: 'Something else',
};

/** Sends a comment to the moderators' queue with a reason and optional details. */
export function ReportCommentForm({ commentId, onClose }: { commentId: string; onClose: () => void }) {
  const [reason, setReason] = useState<ReportReason>('spam');
  const [details, setDetails] = useState('');
  const report = useMutation({ mutationFn: () => reportComment(commentId, reason, details) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate();
  };

  if (report.isSuccess) {
    return (
      <p className="comment-notice" role="status">
        Thanks: the moderators will look at this comment.{' '}
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </p>
    );
  }
  return (
    <form className="comment-report" onSubmit={submit}>
      <label>
        Reason{' '}
        <select value={reason} onChange={(event) => setReason(event.target.value as ReportReason)}>
          {REPORT_REASONS.map((value) => (
            <option key={value} value={value}>
              {REASON_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Details (optional){' '}
        <input value={details} maxLength={1000} onChange={(event) => setDetails(event.target.value)} />
      </label>
      {report.error && (
        <p className="field-error" role="alert">
          {report.error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={report.isPending}>
          Send report
        </button>
      </div>
    </form>
  );
}
