import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { analyticsApi } from '../../../analytics/analytics-api.ts';

/** Who is watching right now and views per minute over the last hour; refreshed every 10 s. */
export function RealtimeCard() {
  const realtime = useQuery({
    queryKey: ['analytics', 'realtime'],
    queryFn: analyticsApi.realtime,
    refetchInterval: 10_000,
  });
  const minutes = realtime.data?.perMinute ?? [];
  const peak = Math.max(1, ...minutes.map((minute) => minute.views));
  const lastHour = minutes.reduce((sum, minute) => sum + minute.views, 0);
  return (
    <section className="analytics-panel analytics-realtime" aria-label="Real time">
      <h2>
        Real time <span className="muted">· updates every 10 s</span>
      </h2>
      {realtime.isError && <p className="muted">Real-time figures are unavailable right now.</p>}
      <div className="analytics-realtime-figures">
        <div>
          <strong data-testid="realtime-concurrent">{realtime.data?.concurrentViewers ?? '–'}</strong> watching now
        </div>
        <div>
          <strong data-testid="realtime-hour-views">{realtime.data ? lastHour : '–'}</strong>{' '}
          {lastHour === 1 ? 'view' : 'views'} in the last 60 minutes
        </div>
      </div>
      <div className="analytics-sparkbars" role="img" aria-label={`Views per minute over the last hour, peak ${peak}`}>
        {minutes.map((minute) => (
          <span
            key={minute.minute}
            style={{ height: `${Math.round((minute.views / peak) * 100)}%` }}
            title={`${new Date(minute.minute).toLocaleTimeString()}: ${minute.views}`}
          />
        ))}
      </div>
      {realtime.data && realtime.data.concurrentByVideo.length > 0 && (
        <ul className="analytics-now-watching">
          {realtime.data.concurrentByVideo.map((entry) => (
            <li key={entry.videoId}>
              <Link to={`/studio/analytics/${entry.videoId}`}>{entry.title || 'Untitled'}</Link> · {entry.viewers}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
