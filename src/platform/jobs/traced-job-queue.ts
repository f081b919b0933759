import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { recordFailure, tracer } from '../observability/trace-api.ts';
import type {
  EnqueueOptions,
  JobHandler,
  JobQueue,
  JobRecord,
  ListFailedOptions,
  ProcessOptions,
} from './job-queue.ts';

/** The payload field carrying the enqueuing request's trace context (W3C `traceparent`/`tracestate`). */
export const TRACE_FIELD = '_trace';

type Carrier = Record<string, string>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits the trace carrier off a payload, so handlers see exactly what was enqueued. */
export function takeTraceCarrier(payload: unknown): { payload: unknown; carrier?: Carrier } {
  if (!isRecord(payload) || !isRecord(payload[TRACE_FIELD])) return { payload };
  const { [TRACE_FIELD]: carrier, ...rest } = payload;
  return { payload: rest, carrier: carrier as Carrier };
}

const withoutCarrier = (job: JobRecord): JobRecord => ({ ...job, payload: takeTraceCarrier(job.payload).payload });

/**
 * Decorates any JobQueue so a job continues the trace that enqueued it: enqueue adds the active trace
 * context to an object payload (nothing when tracing is off or no span is active), and each run is a
 * `job <queue>/<name>` span whose parent is that context. Its pg and ioredis spans nest under it.
 */
export class TracedJobQueue implements JobQueue {
  /** `adapter`: the queue underneath (PostgresJobQueue or BullMqJobQueue). */
  constructor(readonly adapter: JobQueue) {}

  enqueue<P>(queue: string, name: string, payload: P, options?: EnqueueOptions): Promise<{ id: string }> {
    const carrier: Carrier = {};
    if (trace.getActiveSpan()) propagation.inject(context.active(), carrier);
    const traced = isRecord(payload) && Object.keys(carrier).length ? { ...payload, [TRACE_FIELD]: carrier } : payload;
    return this.adapter.enqueue(queue, name, traced, options);
  }

  process<P>(queue: string, handler: JobHandler<P>, options?: ProcessOptions<P>): void {
    const traced: JobHandler<P> = (job) => {
      const { payload, carrier } = takeTraceCarrier(job.payload);
      const parent = carrier ? propagation.extract(context.active(), carrier) : context.active();
      return tracer().startActiveSpan(
        `job ${queue}/${job.name}`,
        {
          kind: SpanKind.CONSUMER,
          attributes: { 'messaging.system': 'streamhub-jobs', 'job.id': job.id, 'job.attempt': job.attempt },
        },
        parent,
        async (span) => {
          try {
            return await handler({ ...job, payload: payload as P });
          } catch (error) {
            recordFailure(span, error);
            throw error;
          } finally {
            span.end();
          }
        },
      );
    };
    const deadLetter = options?.deadLetter;
    this.adapter.process(queue, traced, {
      ...options,
      ...(deadLetter
        ? { deadLetter: (job) => deadLetter({ ...job, payload: takeTraceCarrier(job.payload).payload as P }) }
        : {}),
    });
  }

  async getJob(id: string): Promise<JobRecord | null> {
    const job = await this.adapter.getJob(id);
    return job && withoutCarrier(job);
  }

  async listFailed(options: ListFailedOptions): Promise<JobRecord[]> {
    return (await this.adapter.listFailed(options)).map(withoutCarrier);
  }

  counts: JobQueue['counts'] = () => this.adapter.counts();
  retry: JobQueue['retry'] = (id) => this.adapter.retry(id);
  discard: JobQueue['discard'] = (id) => this.adapter.discard(id);
  pruneCompleted: JobQueue['pruneCompleted'] = (olderThanMs) => this.adapter.pruneCompleted(olderThanMs);
  close: JobQueue['close'] = () => this.adapter.close();
}
