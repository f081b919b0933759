/**
 * `node --import tsx --import ./src/platform/observability/tracing-preload.ts src/main.ts serve`:
 * starts tracing before any StreamHub module loads, when OTEL_EXPORTER_OTLP_ENDPOINT is set (a no-op
 * otherwise). The import-in-the-middle loader hook lets the instrumentations patch ES-module imports
 * (ioredis); CommonJS ones (pg, http) are patched either way. scripts/cluster.sh always passes it.
 */
import { register } from 'node:module';

const env = process.env;
if ((env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true') {
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const { startTracingFromEnv } = await import('./tracing.ts');
  startTracingFromEnv(env);
}
