import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { failedJobsKey, fetchFailedJobs, retryJob } from '../../admin/admin-api.ts';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { formatAge } from '../../components/format.ts';

/** Jobs that used up their attempts, with a retry that sends them back to their queue. */
export function FailedJobs() {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: failedJobsKey,
    queryFn: fetchFailedJobs,
  });
  const retry = useMutation({
    mutationFn: retryJob,
    onSettled: () => queryClient.invalidateQueries({ queryKey: failedJobsKey }),
  });

  if (jobs.error) return <ListErrorPage error={jobs.error} what="Failed jobs" />;
  return (
    <section>
      {retry.error && (
        <p className="form-error" role="alert">
          {retry.error.message}
        </p>
      )}
      {jobs.data?.length === 0 && <p className="empty">No failed jobs.</p>}
      <ul className="admin-list">
        {jobs.data?.map((job) => (
          <li key={job.id} className="admin-card">
            <p>
              <strong>{job.name}</strong> on {job.queue} · {job.attempts}/{job.maxAttempts} attempts · failed{' '}
              {formatAge(job.finishedAt)}
            </p>
            {job.lastError && <pre className="job-error">{job.lastError}</pre>}
            <button type="button" className="button" disabled={retry.isPending} onClick={() => retry.mutate(job.id)}>
              Retry
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
