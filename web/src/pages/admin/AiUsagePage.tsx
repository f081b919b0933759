import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { formatAge } from '../../components/format.ts';
import {
  aiUsageKey,
  fetchAiUsage,
  fetchModerationStatus,
  moderationStatusKey,
  type AiUsage,
} from '../../intelligence/ai-api.ts';
import { UsageChart } from './UsageChart.tsx';
import './admin-ai.css';

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
const count = new Intl.NumberFormat('en');

/** Up: it answered lately and has not failed since; unknown: no call in the period. */
function providerState(provider: AiUsage['providers'][number]['chain'][number]): {
  label: string;
  tone: 'up' | 'down' | 'unknown';
} {
  if (!provider.lastOkAt && !provider.lastErrorAt) return { label: 'no calls in this period', tone: 'unknown' };
  if (provider.lastErrorAt && (!provider.lastOkAt || provider.lastErrorAt > provider.lastOkAt))
    return { label: `failing: ${provider.lastError ?? 'error'} (${formatAge(provider.lastErrorAt)})`, tone: 'down' };
  return { label: `up (last answer ${formatAge(provider.lastOkAt)})`, tone: 'up' };
}

/** Calls, tokens, audio seconds and estimated cost per day, task and user; provider chains and whether each is up. */
export function AiUsagePage() {
  const [days, setDays] = useState(14);
  const usage = useQuery({ queryKey: aiUsageKey(days), queryFn: () => fetchAiUsage(days) });
  const moderation = useQuery({ queryKey: moderationStatusKey, queryFn: fetchModerationStatus });
  if (usage.error) return <ListErrorPage error={usage.error} what="AI usage" />;
  const report = usage.data;
  return (
    <section className="ai-usage">
      <label className="control-inline">
        Period
        <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
          {[1, 7, 14, 30, 90].map((value) => (
            <option key={value} value={value}>
              {value === 1 ? 'Last 24 hours' : `Last ${value} days`}
            </option>
          ))}
        </select>
      </label>
      {!report ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <div className="usage-totals" role="group" aria-label="Totals">
            <p>
              <strong>{count.format(report.totals.calls)}</strong> calls ({count.format(report.totals.failures)} failed
              or refused)
            </p>
            <p>
              <strong>{count.format(report.totals.inputTokens + report.totals.outputTokens)}</strong> tokens
            </p>
            <p>
              <strong>{count.format(Math.round(report.totals.audioSeconds))}</strong> audio seconds
            </p>
            <p>
              <strong>{usd.format(report.totals.costUsd)}</strong> estimated
            </p>
            <p>
              Today (remote): <strong>{usd.format(report.limits.spentTodayUsd)}</strong> of{' '}
              {usd.format(report.limits.dailyBudgetUsd)} budget · {usd.format(report.limits.userDailyQuotaUsd)} per user
            </p>
          </div>
          <UsageChart perDay={report.perDay} />
          <h2>Per task</h2>
          <div className="table-scroll">
            <table className="usage-table">
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Tokens in/out</th>
                  <th scope="col">Audio s</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {report.perTask.map((row) => (
                  <tr key={`${row.task}-${row.provider}-${row.model}`}>
                    <td>{row.task}</td>
                    <td>
                      {row.provider}:{row.model}
                    </td>
                    <td>{count.format(row.calls)}</td>
                    <td>{count.format(row.failures)}</td>
                    <td>
                      {count.format(row.inputTokens)} / {count.format(row.outputTokens)}
                    </td>
                    <td>{count.format(Math.round(row.audioSeconds))}</td>
                    <td>{usd.format(row.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Per day</h2>
          <div className="table-scroll">
            <table className="usage-table">
              <thead>
                <tr>
                  <th scope="col">Day (UTC)</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Tokens</th>
                  <th scope="col">Audio s</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {report.perDay.map((row) => (
                  <tr key={row.day}>
                    <td>{row.day}</td>
                    <td>{count.format(row.calls)}</td>
                    <td>{count.format(row.inputTokens + row.outputTokens)}</td>
                    <td>{count.format(Math.round(row.audioSeconds))}</td>
                    <td>{usd.format(row.costUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Top users</h2>
          <ol className="top-users">
            {report.topUsers.map((row, index) => (
              <li key={row.user?.id ?? index}>
                {row.user?.username ?? '(deleted account)'}: {count.format(row.calls)} calls, {usd.format(row.costUsd)}
              </li>
            ))}
          </ol>
          <h2>Providers</h2>
          <ul className="provider-chains">
            {report.providers.map((task) => (
              <li key={task.task}>
                <strong>{task.task}</strong>
                {task.chain.length === 0 ? (
                  <span className="muted"> no provider: the feature says it is unavailable</span>
                ) : (
                  <ol className="provider-chain" aria-label={`${task.task} providers in fallback order`}>
                    {task.chain.map((provider) => {
                      const state = providerState(provider);
                      return (
                        <li key={provider.provider}>
                          <code>{provider.provider}</code>{' '}
                          <span className={`provider-state ${state.tone}`}>{state.label}</span>
                        </li>
                      );
                    })}
                  </ol>
                )}
              </li>
            ))}
          </ul>
          {moderation.data && (
            <p className="muted">
              Moderation threshold {moderation.data.text.threshold}; images:{' '}
              {moderation.data.image.available ? 'scored' : `not scored (${moderation.data.image.reason})`}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
