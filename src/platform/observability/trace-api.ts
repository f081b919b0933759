import { trace, type Span, type Tracer } from '@opentelemetry/api';

/**
 * The tracing helpers StreamHub code uses: only the OpenTelemetry API (no-ops until tracing.ts starts
 * the SDK), so modules that create spans do not load the SDK.
 */
export const TRACER_NAME = 'streamhub';

export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/** Marks a span failed with the error's message. */
export function recordFailure(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : new Error(String(error)));
  span.setStatus({ code: 2, message: error instanceof Error ? error.message : String(error) });
}

let shutdownHook: (() => Promise<void>) | undefined;

/** tracing.ts registers how to flush and stop the SDK it started. */
export function onTracingShutdown(hook: (() => Promise<void>) | undefined): void {
  shutdownHook = hook;
}

/** Flushes and stops tracing, if it was started (the last shutdown step of serve and worker). */
export async function stopTracing(): Promise<void> {
  await shutdownHook?.();
}
