import { useQuery } from '@tanstack/react-query';
import { fetchOpsStatus, opsStatusKey, type OpsStatus } from '../../admin/ops-api.ts';
import { ListErrorPage } from '../../components/ErrorPage.tsx';
import { formatAge } from '../../components/format.ts';
import { FailedJobs } from './FailedJobs.tsx';
import { LogSearch } from './LogSearch.tsx';
import './ops-console.css';

const percent = (ratio: number | null | undefined) => (ratio == null ? '—' : `${(ratio * 100).toFixed(1)} %`);
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const number = (value: unknown) => (typeof value === 'number' ? value : 0);

function Processes({ processes }: { processes: OpsStatus['processes'] }) {
  return (
    <table className="ops-table" aria-label="Processes">
      <thead>
        <tr>
          <th>Process</th>
          <th>Kind</th>
          <th>State</th>
          <th>Last heartbeat</th>
          <th>Memory</th>
          <th>Event loop p99</th>
          <th>Requests</th>
        </tr>
      </thead>
      <tbody>
        {processes.map((process) => (
          <tr key={process.id}>
            <td>{process.id}</td>
            <td>{process.kind}</td>
            <td className={process.stale ? 'ops-bad' : 'ops-good'}>{process.stale ? 'silent' : 'alive'}</td>
            <td>{formatAge(process.lastSeenAt)}</td>
            <td>{megabytes(number(process.stats.rssBytes))}</td>
            <td>{number(process.stats.eventLoopP99Ms)} ms</td>
            <td>{number(process.stats.httpRequests)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Queues({ queues }: { queues: OpsStatus['queues'] }) {
  if (queues.length === 0) return <p className="empty">No job has been queued yet.</p>;
  return (
    <table className="ops-table" aria-label="Queues">
      <thead>
        <tr>
          <th>Queue</th>
          <th>Waiting</th>
          <th>Active</th>
          <th>Completed</th>
          <th>Dead letters</th>
          <th>Oldest waiting</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((queue) => (
          <tr key={queue.queue}>
            <td>{queue.queue}</td>
            <td>{queue.waiting}</td>
            <td>{queue.active}</td>
            <td>{queue.completed}</td>
            <td className={queue.failed ? 'ops-bad' : undefined}>{queue.failed}</td>
            <td>{Math.round(queue.oldestWaitingSeconds)} s</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Ratios({ status }: { status: OpsStatus }) {
  return (
    <dl className="ops-figures">
      {status.replicas.map((replica) => (
        <div key={replica.name}>
          <dt>Replica {replica.name}</dt>
          <dd className={replica.up ? 'ops-good' : 'ops-bad'}>
            {replica.up ? `lag ${replica.lagSeconds.toFixed(2)} s` : 'down (reads on the primary)'}
          </dd>
        </div>
      ))}
      {status.replicas.length === 0 && (
        <div>
          <dt>Replicas</dt>
          <dd>none configured</dd>
        </div>
      )}
      {status.caches.map((cache) => (
        <div key={cache.cache}>
          <dt>Cache “{cache.cache}” hit ratio</dt>
          <dd>
            {percent(cache.hitRatio)} of {cache.lookups}
          </dd>
        </div>
      ))}
      <div>
        <dt>Edge hit ratio</dt>
        <dd>
          {status.edge
            ? `${percent(status.edge.hitRatio)} · ${megabytes(status.edge.bytes.HIT ?? 0)} offloaded`
            : 'no edge cache log configured'}
        </dd>
      </div>
      <div>
        <dt>Dead letters</dt>
        <dd className={status.deadLetters ? 'ops-bad' : 'ops-good'}>{status.deadLetters}</dd>
      </div>
    </dl>
  );
}

/** The admin ops console: every process's heartbeat, queues, replicas, caches, dead letters and the logs. */
export function OpsConsole() {
  const status = useQuery({ queryKey: opsStatusKey, queryFn: fetchOpsStatus, refetchInterval: 5000 });
  if (status.error) return <ListErrorPage error={status.error} what="Operations status" />;
  return (
    <section className="ops-console">
      <h2>Processes</h2>
      {status.data ? <Processes processes={status.data.processes} /> : <p>Loading…</p>}
      <h2>Replicas, caches and the edge</h2>
      {status.data && <Ratios status={status.data} />}
      <h2>Queues</h2>
      {status.data && <Queues queues={status.data.queues} />}
      <h2>Dead letters</h2>
      <FailedJobs />
      <h2>Logs</h2>
      <LogSearch />
    </section>
  );
}
