import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fetchOpsLogRoutes, fetchOpsLogs, opsLogRoutesKey, opsLogsKey, type LogQuery } from '../../admin/ops-api.ts';
import { ListErrorPage } from '../../components/ErrorPage.tsx';

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Search over the structured logs of every process (ops_logs): level, request id, route, text, a time range. */
export function LogSearch() {
  const [query, setQuery] = useState<LogQuery>({});
  const logs = useQuery({ queryKey: opsLogsKey(query), queryFn: () => fetchOpsLogs(query) });
  // Suggestions only: a route no stored line names yet can still be typed.
  const routes = useQuery({ queryKey: opsLogRoutesKey, queryFn: fetchOpsLogRoutes, staleTime: 30_000 });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => (form.get(name) as string | null)?.trim() || undefined;
    // Routes first logged since the page opened join the suggestions.
    void routes.refetch();
    const since = text('since');
    const until = text('until');
    setQuery({
      level: text('level') as LogQuery['level'],
      requestId: text('requestId'),
      route: text('route'),
      q: text('q'),
      since: since ? new Date(since).toISOString() : undefined,
      until: until ? new Date(until).toISOString() : undefined,
    });
  };

  return (
    <div className="log-search">
      <form className="log-search-form" onSubmit={submit} aria-label="Search logs">
        <label>
          Level at least
          <select name="level" defaultValue="">
            <option value="">any</option>
            <option value="info">info</option>
            <option value="warn">warn</option>
            <option value="error">error</option>
          </select>
        </label>
        <label>
          Request id
          <input name="requestId" />
        </label>
        <label>
          Route
          <input name="route" list="log-routes" placeholder="/api/v1/videos/:id" />
          <datalist id="log-routes">
            {routes.data?.map((route) => (
              <option key={route.route} value={route.route}>
                {route.lines} lines
              </option>
            ))}
          </datalist>
        </label>
        <label>
          Text
          <input name="q" type="search" />
        </label>
        <label>
          Since
          <input name="since" type="datetime-local" />
        </label>
        <label>
          Until
          <input name="until" type="datetime-local" />
        </label>
        <button type="submit" className="button">
          Search logs
        </button>
      </form>
      {logs.error && <ListErrorPage error={logs.error} what="Logs" />}
      {logs.data?.length === 0 && <p className="empty">No log lines match.</p>}
      <ol className="log-lines" aria-label="Log lines">
        {logs.data?.map((line) => (
          <li key={line.id} className={`log-line log-${LEVEL_NAMES[line.level] ?? 'info'}`}>
            <time dateTime={line.at}>{new Date(line.at).toLocaleTimeString()}</time>{' '}
            <span className="log-level">{LEVEL_NAMES[line.level] ?? line.level}</span>{' '}
            <span className="log-message">{line.message}</span>
            {line.route && (
              <button
                type="button"
                className="link-button log-route"
                title="Only this route's lines"
                onClick={() => setQuery({ route: line.route! })}
              >
                {line.method} {line.route}
              </button>
            )}
            {line.requestId && (
              <button type="button" className="link-button" onClick={() => setQuery({ requestId: line.requestId! })}>
                request {line.requestId}
              </button>
            )}
            <span className="log-process"> · {line.processId}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
