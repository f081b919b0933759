import '../../../analytics/analytics.css';
import { lazy, Suspense, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/api-error.ts';
import { request } from '../../../api/client.ts';
import type { Video } from '../../../api/types.ts';
import {
  analyticsApi,
  downloadCsv,
  formatWatchTime,
  periodQuery,
  type Period,
} from '../../../analytics/analytics-api.ts';
import { RequireSignIn } from '../../../auth/RequireSignIn.tsx';
import { ErrorPage } from '../../../components/ErrorPage.tsx';
import { BreakdownBars, formatSigned, MetricCard, PeriodPicker } from './AnalyticsParts.tsx';
import { RetentionChart } from './RetentionChart.tsx';

const TimeSeriesChart = lazy(() => import('./TimeSeriesChart.tsx'));

type VideoWithInsights = Video & { insights?: { chapters?: { title: string; startSeconds: number }[] } | null };

function VideoAnalytics({ id }: { id: string }) {
  const [period, setPeriod] = useState<Period>(28);
  const video = useQuery({
    queryKey: ['video', id],
    queryFn: () => request<VideoWithInsights>(`/api/v1/videos/${id}`),
  });
  const overview = useQuery({
    queryKey: ['analytics', 'video', id, period],
    queryFn: () => analyticsApi.video(id, period),
  });
  const retention = useQuery({
    queryKey: ['analytics', 'retention', id, period],
    queryFn: () => analyticsApi.retention(id, period),
  });
  const sources = useQuery({
    queryKey: ['analytics', 'sources', id, period],
    queryFn: () => analyticsApi.sources(id, period),
  });
  const devices = useQuery({
    queryKey: ['analytics', 'devices', id, period],
    queryFn: () => analyticsApi.devices(id, period),
  });

  const failure = [video, overview].find((query) => query.isError)?.error;
  if (failure) {
    const status = failure instanceof ApiError ? failure.status : 500;
    return (
      <ErrorPage
        status={status}
        title={status === 404 ? 'Not your video' : 'Analytics unavailable'}
        message={
          status === 404 ? "Analytics are shown to the video's creator only." : 'The figures could not be loaded.'
        }
      />
    );
  }
  const totals = overview.data?.totals;
  const duration = retention.data?.durationSeconds ?? video.data?.duration ?? 0;
  return (
    <>
      <h1 className="page-title">{video.data?.title ?? 'Video analytics'}</h1>
      <div className="analytics-toolbar">
        <Link to="/studio/analytics">← Channel analytics</Link>
        <PeriodPicker value={period} onChange={setPeriod} />
        <button
          type="button"
          className="button"
          onClick={() =>
            void downloadCsv(`/api/v1/analytics/videos/${id}/retention`, periodQuery(period), `retention-${id}`)
          }
        >
          Export retention CSV
        </button>
      </div>
      {!totals ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="analytics-cards">
          <MetricCard testId="video-views" label="Views" value={totals.views} />
          <MetricCard testId="video-watch-time" label="Watch time" value={formatWatchTime(totals.watchSeconds)} />
          <MetricCard label="Average view duration" value={formatWatchTime(totals.averageViewSeconds)} />
          <MetricCard label="Unique viewers" value={totals.uniqueViewers} />
          {/* Subscriptions made with this video's Subscribe button, less those undone there. */}
          <MetricCard
            testId="video-subscribers"
            label="Subscribers from this video"
            value={formatSigned(totals.subscribersGained - totals.subscribersLost)}
          />
          <MetricCard
            label="Startup p50 / p95"
            value={totals.startupP50Ms === null ? '–' : `${totals.startupP50Ms} / ${totals.startupP95Ms} ms`}
          />
          <MetricCard label="Rebuffering" value={`${(totals.rebufferRatio * 100).toFixed(1)} %`} />
        </div>
      )}
      <section className="analytics-panel" aria-label="Audience retention">
        <h2>Audience retention</h2>
        {retention.data && duration > 0 ? (
          <RetentionChart
            retention={retention.data}
            duration={duration}
            storyboardVttUrl={video.data?.storyboard?.vttUrl ?? null}
            chapters={video.data?.insights?.chapters ?? []}
          />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
      {overview.data && (
        <section className="analytics-panel" aria-label="Views over time">
          <h2>Views over time</h2>
          <Suspense fallback={<div className="analytics-chart skeleton" aria-busy="true" />}>
            <TimeSeriesChart
              title="Views over time"
              times={overview.data.series.map((point) => Date.parse(point.start) / 1000)}
              series={[{ label: 'Views', values: overview.data.series.map((point) => point.views) }]}
            />
          </Suspense>
        </section>
      )}
      <div className="analytics-grid">
        <BreakdownBars title="Traffic sources" rows={sources.data?.sources ?? []} />
        <BreakdownBars title="Devices" rows={devices.data?.devices ?? []} />
        <BreakdownBars title="Browsers" rows={devices.data?.browsers ?? []} />
        <BreakdownBars title="Countries" rows={sources.data?.countries ?? []} />
      </div>
    </>
  );
}

export default function VideoAnalyticsPage() {
  const { videoId } = useParams();
  return <RequireSignIn what="video analytics">{videoId ? <VideoAnalytics id={videoId} /> : null}</RequireSignIn>;
}
