import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import {
  adminVideoReportsKey,
  fetchOpenVideoReportsPage,
  resolveVideoReport,
  type VideoReportAction,
} from '../../admin/admin-api.ts';
import type { VideoReport } from '../../api/types.ts';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { FormError } from '../../components/FormError.tsx';
import { formatAge } from '../../components/format.ts';
import { useCursorList } from '../../hooks/useCursorList.ts';

/** Open video reports, oldest first; each decision (keep or remove the video) closes every open report of it. */
export function VideoReportsQueue() {
  const queryClient = useQueryClient();
  const reports = useCursorList<VideoReport>(adminVideoReportsKey, fetchOpenVideoReportsPage);
  const resolve = useMutation({
    mutationFn: ({ id, action }: { id: string; action: VideoReportAction }) => resolveVideoReport(id, action),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminVideoReportsKey }),
  });

  if (reports.error) return <ListErrorPage error={reports.error} what="Video reports" />;
  return (
    <section aria-label="Video reports">
      <h2>Videos</h2>
      <FormError message={resolve.error?.message} />
      {reports.items?.length === 0 && <p className="empty">No open video reports.</p>}
      <ul className="admin-list">
        {reports.items?.map((report) => (
          <li key={report.id} className="admin-card" data-report-id={report.id}>
            <p>
              <strong>{report.reason.replace('_', ' ')}</strong> · reported by {report.reporter.username}{' '}
              {formatAge(report.createdAt)} · {report.video.openReportCount} open
            </p>
            <p>
              {report.video.isRemoved ? (
                <span>{report.video.title} (already deleted)</span>
              ) : (
                <Link to={`/watch/${report.video.id}`}>{report.video.title}</Link>
              )}{' '}
              <span className="muted">by {report.video.creator.username}</span>
            </p>
            {report.details && <blockquote className="comment-text">{report.details}</blockquote>}
            <p className="row-actions">
              <button
                type="button"
                className="button"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate({ id: report.id, action: 'dismiss' })}
              >
                Keep video
              </button>
              <button
                type="button"
                className="button danger"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate({ id: report.id, action: 'remove_video' })}
              >
                Remove video
              </button>
            </p>
          </li>
        ))}
      </ul>
      {reports.hasNextPage && (
        <button type="button" className="button" onClick={reports.loadMore}>
          More video reports
        </button>
      )}
    </section>
  );
}
