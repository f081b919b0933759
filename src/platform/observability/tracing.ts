import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  ParentBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { onTracingShutdown } from './trace-api.ts';

/**
 * OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (or a test passes an exporter).
 * Spans: every HTTP request (named by its Fastify route, see traceFastifyRoutes), PostgreSQL queries,
 * Redis commands, outgoing HTTP, and every job run, which continues the trace of the request that
 * enqueued it (the context travels in the job's payload, see traced-job-queue.ts).
 */
export interface TracingOptions {
  serviceName?: string;
  /** OTLP/HTTP endpoint (`http://collector:4318`); the exporter's own env variables apply too. */
  endpoint?: string;
  /** Fraction of new traces kept, 0–1 (OTEL_TRACES_SAMPLER_ARG; default 1). Child spans follow their parent. */
  sampleRatio?: number;
  /** Tests: an in-memory exporter, exported synchronously. */
  exporter?: SpanExporter;
}

export interface Tracing {
  provider: NodeTracerProvider;
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

export function startTracing(options: TracingOptions): Tracing | undefined {
  if (active) return active;
  const exporter = options.exporter ?? (options.endpoint ? otlpExporter(options.endpoint) : undefined);
  if (!exporter) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName ?? 'streamhub' }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1) }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // W3C trace context and baggage propagators, AsyncLocalStorage context manager.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url === '/metrics' }),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  const tracing: Tracing = {
    provider,
    shutdown: async () => {
      unregister();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
      active = undefined;
      onTracingShutdown(undefined);
    },
  };
  active = tracing;
  onTracingShutdown(tracing.shutdown);
  return tracing;
}

function otlpExporter(endpoint: string): SpanExporter {
  return new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` });
}

/** Reads the standard OTEL_* variables; `undefined` (tracing off) without an endpoint. */
export function startTracingFromEnv(env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint || env.OTEL_SDK_DISABLED === 'true') return undefined;
  const ratio = Number(env.OTEL_TRACES_SAMPLER_ARG ?? '1');
  return startTracing({
    endpoint,
    serviceName: env.OTEL_SERVICE_NAME ?? 'streamhub',
    sampleRatio: Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 1,
  });
}
