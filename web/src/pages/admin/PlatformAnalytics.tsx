import '../../analytics/analytics.css';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { analyticsApi, downloadCsv, formatBytes, periodQuery, type Period } from '../../analytics/analytics-api.ts';
import { MetricCard, PeriodPicker } from '../studio/analytics/AnalyticsParts.tsx';

/** Admin → Platform analytics: activity over a period and storage used per user. */
export function PlatformAnalytics() {
  const [period, setPeriod] = useState<Period>(28);
  const stats = useQuery({ queryKey: ['analytics', 'platform', period], queryFn: () => analyticsApi.platform(period) });
  if (stats.isError) return <p className="empty">Platform analytics could not be loaded.</p>;
  const data = stats.data;
  const { from, to } = periodQuery(period);
  return (
    <section aria-label="Platform analytics">
      <div className="analytics-toolbar">
        <PeriodPicker value={period} onChange={setPeriod} />
        <button
          type="button"
          className="button"
          onClick={() => void downloadCsv('/api/v1/admin/analytics', { from, to }, 'storage-per-user')}
        >
          Export storage CSV
        </button>
      </div>
      {!data ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <div className="analytics-cards">
            <MetricCard label="Sign-ups" value={data.signups} />
            <MetricCard label="Uploads" value={data.uploads} />
            <MetricCard label="Views" value={data.views.toLocaleString()} />
            <MetricCard label="Watch hours" value={data.watchHours.toLocaleString()} />
            <MetricCard label="Transcoded" value={`${data.transcodingMinutes.toLocaleString()} min`} />
            <MetricCard label="AI spend" value={`$${data.aiSpendUsd.toFixed(2)} (${data.aiCalls} calls)`} />
            <MetricCard
              testId="storage-total"
              label="Storage"
              value={`${formatBytes(data.storage.totalBytes)} · ${data.storage.totalVideos} videos`}
            />
            <MetricCard
              testId="storage-split"
              label="Sources · processed"
              value={`${formatBytes(data.storage.totalSourceBytes)} · ${formatBytes(data.storage.totalProcessedBytes)}`}
            />
          </div>
          <h2>Storage per user</h2>
          <p className="muted">
            Sources are the uploaded originals; processed is everything made from them (HLS renditions, posters,
            storyboards, captions, moderation frames).
          </p>
          {data.storage.unmeasuredVideos > 0 && (
            <p className="muted" data-testid="storage-unmeasured">
              {data.storage.unmeasuredVideos} ready videos have no processed size yet and count their source only; run{' '}
              <code>streamhub rebuild storage-usage</code>.
            </p>
          )}
          <table className="studio-table">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Videos</th>
                <th scope="col">Sources</th>
                <th scope="col">Processed</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {data.storage.perUser.map((row) => (
                <tr key={row.userId}>
                  <td data-label="User">{row.username}</td>
                  <td data-label="Videos">{row.videos}</td>
                  <td data-label="Sources">{formatBytes(row.sourceBytes)}</td>
                  <td data-label="Processed">{formatBytes(row.processedBytes)}</td>
                  <td data-label="Total">{formatBytes(row.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.storage.perUser.length === 0 && <p className="empty">No uploads yet.</p>}
        </>
      )}
    </section>
  );
}
