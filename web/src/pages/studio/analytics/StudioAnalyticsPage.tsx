import '../../../analytics/analytics.css';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import {
  analyticsApi,
  downloadCsv,
  formatWatchTime,
  periodQuery,
  type ChannelOverview,
  type Period,
} from '../../../analytics/analytics-api.ts';
import { RequireChannel } from '../../../auth/RequireChannel.tsx';
import { ErrorPage } from '../../../components/ErrorPage.tsx';
import { Tabs } from '../../../components/Tabs.tsx';
import { BreakdownBars, formatSigned, MetricCard, PeriodPicker } from './AnalyticsParts.tsx';
import { RealtimeCard } from './RealtimeCard.tsx';

const TimeSeriesChart = lazy(() => import('./TimeSeriesChart.tsx'));

const METRICS = [
  { value: 'views', label: 'Views' },
  { value: 'watch', label: 'Watch time' },
  { value: 'subscribers', label: 'Subscribers' },
] as const;
type Metric = (typeof METRICS)[number]['value'];

function OverviewChart({ data }: { data: ChannelOverview }) {
  const [metric, setMetric] = useState<Metric>('views');
  const chart = useMemo(() => {
    const times = data.series.map((point) => Date.parse(point.start) / 1000);
    if (metric === 'views')
      return { times, series: [{ label: 'Views', values: data.series.map((point) => point.views) }] };
    if (metric === 'watch')
      return {
        times,
        series: [
          { label: 'Watch time (min)', values: data.series.map((point) => Math.round(point.watchSeconds / 6) / 10) },
        ],
      };
    return {
      times,
      series: [
        {
          label: 'Subscribers (net)',
          values: data.series.map((point) => point.subscribersGained - point.subscribersLost),
        },
      ],
    };
  }, [data, metric]);
  return (
    <section className="analytics-panel" aria-label="Over time">
      <Tabs label="Chart metric" tabs={METRICS} value={metric} onChange={setMetric} />
      <Suspense fallback={<div className="analytics-chart skeleton" aria-busy="true" />}>
        <TimeSeriesChart
          times={chart.times}
          series={chart.series}
          title={`${METRICS.find((entry) => entry.value === metric)?.label} over time`}
        />
      </Suspense>
    </section>
  );
}

function Overview() {
  const [period, setPeriod] = useState<Period>(28);
  const overview = useQuery({
    queryKey: ['analytics', 'channel', period],
    queryFn: () => analyticsApi.channel(period),
  });
  if (overview.isError)
    return (
      <ErrorPage
        status={500}
        title="Analytics unavailable"
        message="Your channel's figures could not be loaded. Try again in a moment."
      />
    );
  const data = overview.data;
  const net = data ? data.totals.subscribersGained - data.totals.subscribersLost : 0;
  return (
    <>
      <div className="analytics-toolbar">
        <PeriodPicker value={period} onChange={setPeriod} />
        <button
          type="button"
          className="button"
          onClick={() => void downloadCsv('/api/v1/analytics/channel', periodQuery(period), `channel-${period}d`)}
        >
          Export CSV
        </button>
      </div>
      {!data ? (
        <p className="muted">Loading your analytics…</p>
      ) : (
        <>
          <div className="analytics-cards">
            <MetricCard
              testId="card-views"
              label="Views"
              value={data.totals.views.toLocaleString()}
              change={data.change.views}
            />
            <MetricCard
              testId="card-watch-time"
              label="Watch time"
              value={formatWatchTime(data.totals.watchSeconds)}
              change={data.change.watchSeconds}
            />
            <MetricCard
              label="Average view duration"
              value={formatWatchTime(data.totals.averageViewSeconds)}
              change={data.change.averageViewSeconds}
            />
            <MetricCard
              label="Unique viewers"
              value={data.totals.uniqueViewers.toLocaleString()}
              change={data.change.uniqueViewers}
            />
            <MetricCard label="Subscribers" value={formatSigned(net)} />
            <MetricCard
              label="Likes · comments"
              value={`${data.totals.likes} · ${data.totals.comments}`}
              change={data.change.likes}
            />
          </div>
          <OverviewChart data={data} />
          <div className="analytics-grid">
            <section className="analytics-panel" aria-label="Top videos">
              <h2>Top videos</h2>
              {data.topVideos.length === 0 ? (
                <p className="empty">No views in this period yet.</p>
              ) : (
                <table className="studio-table">
                  <thead>
                    <tr>
                      <th scope="col">Video</th>
                      <th scope="col">Views</th>
                      <th scope="col">Watch time</th>
                      <th scope="col">Avg. view</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.topVideos.map((video) => (
                      <tr key={video.videoId}>
                        <td>
                          <Link to={`/studio/analytics/${video.videoId}`}>{video.title}</Link>
                        </td>
                        <td>{video.views}</td>
                        <td>{formatWatchTime(video.watchSeconds)}</td>
                        <td>{formatWatchTime(video.averageViewSeconds)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p className="muted">
                Viewers: {data.viewers.new} new · {data.viewers.returning} returning
              </p>
            </section>
            <RealtimeCard />
            <BreakdownBars title="Traffic sources" rows={data.sources} />
            <BreakdownBars title="Devices" rows={data.devices} />
          </div>
        </>
      )}
    </>
  );
}

export default function StudioAnalyticsPage() {
  return (
    <RequireChannel what="your channel analytics" purpose="to see channel analytics">
      <h1 className="page-title">Channel analytics</h1>
      <Overview />
    </RequireChannel>
  );
}
