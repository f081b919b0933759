// Small pieces the analytics pages share: period picker, metric cards, breakdown bars.
import type { ReactNode } from 'react';
import { PERIODS, type Breakdown, type Period } from '../../../analytics/analytics-api.ts';

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  return (
    <label className="control-select analytics-period">
      Period{' '}
      <select value={value} onChange={(event) => onChange(Number(event.target.value) as Period)}>
        {PERIODS.map((period) => (
          <option key={period.days} value={period.days}>
            {period.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A net change with its sign: "+3", "−1", "0". */
export function formatSigned(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}

/** "+12 %" / "−5 %" against the previous period of the same length; nothing when there is no base. */
function Change({ ratio }: { ratio: number | null | undefined }) {
  if (ratio === null || ratio === undefined) return <span className="muted analytics-change">no earlier data</span>;
  const percent = Math.round(ratio * 100);
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return (
    <span className={`analytics-change ${percent >= 0 ? 'up' : 'down'}`}>
      {sign}
      {Math.abs(percent)} % vs previous period
    </span>
  );
}

export function MetricCard({
  label,
  value,
  change,
  testId,
}: {
  label: string;
  value: ReactNode;
  change?: number | null;
  testId?: string;
}) {
  return (
    <div className="analytics-card" data-testid={testId}>
      <div className="analytics-card-label">{label}</div>
      <div className="analytics-card-value">{value}</div>
      {change !== undefined && <Change ratio={change} />}
    </div>
  );
}

const LABELS: Record<string, string> = {
  home: 'Home and trending',
  search: 'Search',
  subscriptions: 'Subscriptions',
  channel: 'Channel page',
  playlist: 'Playlists',
  recommendations: 'Up next',
  external: 'Other websites',
  direct: 'Direct or unknown',
  desktop: 'Computer',
  mobile: 'Phone',
  tablet: 'Tablet',
  tv: 'TV',
  other: 'Other',
};

export function BreakdownBars({ title, rows }: { title: string; rows: Breakdown[] }) {
  return (
    <section className="analytics-panel" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty">No views in this period.</p>
      ) : (
        <ul className="analytics-bars">
          {rows.map((row) => (
            <li key={row.key}>
              <span className="analytics-bar-label">{LABELS[row.key] ?? row.key}</span>
              <span className="analytics-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(row.share * 100)}%` }} />
              </span>
              <span className="analytics-bar-value">
                {row.views} ({Math.round(row.share * 100)} %)
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
