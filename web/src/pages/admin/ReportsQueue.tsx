import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { adminReportsKey, fetchOpenReportsPage, resolveReport, type ReportAction } from '../../admin/admin-api.ts';
import type { Report } from '../../api/types.ts';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { formatAge } from '../../components/format.ts';
import { useCursorList } from '../../hooks/useCursorList.ts';
import { FormError } from '../../components/FormError.tsx';

type Action = ReportAction;

/** Open comment reports, oldest first; each decision closes every open report on that comment. */
export function ReportsQueue() {
  const queryClient = useQueryClient();
  const reports = useCursorList<Report>(adminReportsKey, fetchOpenReportsPage);
  const resolve = useMutation({
    mutationFn: ({ id, action }: { id: string; action: Action }) => resolveReport(id, action),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminReportsKey }),
  });

  if (reports.error) return <ListErrorPage error={reports.error} what="Reports" />;
  return (
    <section aria-label="Comment reports">
      <h2>Comments</h2>
      <FormError message={resolve.error?.message} />
      {reports.items?.length === 0 && <p className="empty">No open comment reports.</p>}
      <ul className="admin-list">
        {reports.items?.map((report) => (
          <li key={report.id} className="admin-card">
            <p>
              <strong>{report.reason}</strong> · reported by {report.reporter.username} {formatAge(report.createdAt)} ·{' '}
              {report.comment.openReportCount} open
            </p>
            <blockquote className="comment-text">{report.comment.text}</blockquote>
            <p className="muted">
              by {report.comment.author.username}
              {report.comment.author.isBanned ? ' (banned)' : ''} on{' '}
              <Link to={`/watch/${report.video.id}`}>{report.video.title}</Link>
            </p>
            {report.details && <p className="muted">{report.details}</p>}
            <p className="row-actions">
              <button
                type="button"
                className="button"
                onClick={() => resolve.mutate({ id: report.id, action: 'dismiss' })}
              >
                Dismiss
              </button>
              <button
                type="button"
                className="button"
                onClick={() => resolve.mutate({ id: report.id, action: 'hide_comment' })}
              >
                Hide comment
              </button>
              <button
                type="button"
                className="button danger"
                onClick={() => resolve.mutate({ id: report.id, action: 'ban_user' })}
              >
                Ban author
              </button>
            </p>
          </li>
        ))}
      </ul>
      {reports.hasNextPage && (
        <button type="button" className="button" onClick={reports.loadMore}>
          More reports
        </button>
      )}
    </section>
  );
}
