// One trace from an HTTP request to the job it enqueued: the request's server span, its database spans,
// and the job run (on another "process" turn, through the queue) as a descendant, with the in-memory exporter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from './tracing.ts';

// Tracing starts before the app's modules load, as tracing-preload.ts does in production.
const exporter = new InMemorySpanExporter();
const tracing: Tracing = startTracing({ exporter })!;
const { startTestApp } = await import('../../../test/support/app.ts');
const { testDatabaseKinds } = await import('../../../test/support/databases.ts');
const { eventually } = await import('../../../test/support/eventually.ts');
const { createAccounts, readyVideo } = await import('../../modules/channels/channel-test-support.ts');
const { startWorkers } = await import('../../workers.ts');
const { TRACE_FIELD } = await import('../jobs/traced-job-queue.ts');

/** The chain of parents of `span`, up to the root, by span id. */
function ancestors(span: ReadableSpan, spans: ReadableSpan[]): ReadableSpan[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanContext().spanId, candidate]));
  const chain: ReadableSpan[] = [];
  let parent = span.parentSpanContext?.spanId;
  while (parent && byId.has(parent)) {
    const next = byId.get(parent)!;
    chain.push(next);
    parent = next.parentSpanContext?.spanId;
  }
  return chain;
}

after(() => tracing.shutdown());

for (const kind of testDatabaseKinds()) {
  describe(`tracing on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: Awaited<ReturnType<typeof startTestApp>>;
    let baseUrl: string;
    before(async () => {
      t = await startTestApp(kind);
      startWorkers(t.platform, t.services);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    });
    after(() => t.close());

    test('DELETE /videos/:id and the deletion job it enqueued are one trace', async () => {
      const [creator] = await createAccounts(t, 1, 'creator');
      const id = await readyVideo(t, creator!, { visibility: 'public' });
      exporter.reset();
      const response = await fetch(`${baseUrl}/api/v1/videos/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${creator!.token}`, 'x-request-id': `trace-${id}` },
      });
      assert.equal(response.status, 204);
      const job = await eventually('the deletion job span', async () =>
        exporter.getFinishedSpans().find((span) => span.name === 'job housekeeping/delete-video-objects'),
      );
      const spans = exporter.getFinishedSpans();
      const request = spans.find((span) => span.name === 'DELETE /api/v1/videos/:id');
      assert.ok(request, `spans: ${spans.map((span) => span.name).join(', ')}`);
      assert.equal(request.attributes['streamhub.request_id'], `trace-${id}`);
      assert.equal(job.spanContext().traceId, request.spanContext().traceId, 'the job continues the request trace');
      assert.ok(
        ancestors(job, spans).some((span) => span === request),
        'the request span is an ancestor of the job span',
      );
      assert.equal(job.attributes['job.attempt'], 1);
      // The handler saw the payload without the carrier, and the stored record hides it too.
      const stored = await t.platform.jobs.getJob(String(job.attributes['job.id']));
      assert.deepEqual(stored?.payload, { videoId: id });
      assert.ok(!(TRACE_FIELD in (stored?.payload as object)));
      if (kind === 'postgres' && !process.env.REDIS_URL) {
        // PostgreSQL queries made while serving the request are spans of the same trace.
        assert.ok(
          spans.some(
            (span) => span.name.startsWith('pg.query') && span.spanContext().traceId === request.spanContext().traceId,
          ),
          'a pg.query span in the request trace',
        );
      }
    });

    test('without an active span nothing is added to the payload', async () => {
      const { id } = await t.platform.jobs.enqueue('trace-free', 'plain', { n: 1 });
      const stored = await t.platform.jobs.getJob(id);
      assert.deepEqual(stored?.payload, { n: 1 });
    });
  });
}
