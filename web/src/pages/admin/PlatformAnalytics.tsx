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
              label="Storage (sources)"
              value={`${formatBytes(data.storage.totalBytes)} · ${data.storage.totalVideos} videos`}
            />
          </div>
          <h2>Storage per user</h2>
          <table className="studio-table">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Videos</th>
                <th scope="col">Storage</th>
              </tr>
            </thead>
            <tbody>
              {data.storage.perUser.map((row) => (
                <tr key={row.userId}>
                  <td>{row.username}</td>
                  <td>{row.videos}</td>
                  <td>{formatBytes(row.bytes)}</td>
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
