import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { discardJob, failedJobsKey, fetchFailedJobs, retryJob } from '../../admin/admin-api.ts';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { formatAge } from '../../components/format.ts';
import { FormError } from '../../components/FormError.tsx';

/** Jobs that used up their attempts: retry sends one back to its queue, discard drops it for good. */
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
  const discard = useMutation({
    mutationFn: discardJob,
    onSettled: () => queryClient.invalidateQueries({ queryKey: failedJobsKey }),
  });
  const failure = retry.error ?? discard.error;

  if (jobs.error) return <ListErrorPage error={jobs.error} what="Failed jobs" />;
  return (
    <section>
      <FormError message={failure?.message} />
      {jobs.data?.length === 0 && <p className="empty">No failed jobs.</p>}
      <ul className="admin-list">
        {jobs.data?.map((job) => (
          <li key={job.id} className="admin-card">
            <p>
              <strong>{job.name}</strong> on {job.queue} · {job.attempts}/{job.maxAttempts} attempts · failed{' '}
              {formatAge(job.finishedAt)}
            </p>
            {job.lastError && <pre className="job-error">{job.lastError}</pre>}
            <div className="actions">
              <button type="button" className="button" disabled={retry.isPending} onClick={() => retry.mutate(job.id)}>
                Retry
              </button>
              <button
                type="button"
                className="button danger"
                disabled={discard.isPending}
                onClick={() => {
                  if (window.confirm(`Discard the failed ${job.name} job for good?`)) discard.mutate(job.id);
                }}
              >
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
