import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import { opsLogSink } from '../ops/log-sink.ts';
import { loadOpsConfig } from '../ops/ops-config.ts';

export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { service: 'streamhub' },
      // Credentials must never reach the logs, even at debug level.
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken', '*.token'],
      // With tracing on, every line names its trace, so a log search leads to the trace and back.
      mixin: () => {
        const span = trace.getActiveSpan();
        return span ? { traceId: span.spanContext().traceId } : {};
      },
    },
    // stdout, and the ops console's log ring (stored once serve or worker attaches it to the database).
    pino.multistream([
      { level: 'trace', stream: pino.destination(1) },
      { level: loadOpsConfig().logLevel, stream: opsLogSink },
    ]),
  );
}
