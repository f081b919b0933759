import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import type { DrainState } from './drain.ts';

export interface HttpDrainOptions {
  /** How long /ready answers 503 before the listener closes, so the load balancer's health check notices. */
  drainDelayMs: number;
  /** How long in-flight requests may take to finish once the listener is closed; then connections are cut. */
  requestTimeoutMs: number;
}

/**
 * Hooks that let an app shut down without failing the requests it is serving. Event streams
 * (EventSource reconnects by itself, to another API process behind a load balancer) are tracked so the
 * drain can end them: they never finish on their own and would otherwise hold the shutdown to its timeout.
 * Route handlers are tracked too, and the app's close waits (up to `handlerTimeoutMs`) for those still
 * running: the pools and Redis close after the app, and a handler whose client hung up outlives its
 * connection. Must be installed before the routes are registered (it wraps their handlers as they are added).
 */
export function installDrainHooks(app: FastifyInstance, drain: DrainState, handlerTimeoutMs: number): void {
  app.addHook('onRoute', (route) => {
    // A socket's handler only sets up listeners; the socket itself is closed by the WebSocket layer.
    if ((route as { websocket?: boolean }).websocket) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (this: FastifyInstance, ...args: Parameters<RouteHandlerMethod>) {
      const result: unknown = handler.apply(this, args);
      // A synchronous handler has finished (or sent its reply) by now; only pending work is tracked, and
      // the handler's own result goes back to Fastify untouched.
      if (result instanceof Promise) drain.trackHandler(result);
      return result;
    };
  });
  app.addHook('onClose', async () => {
    if (!(await drain.handlersSettled(handlerTimeoutMs)))
      app.log.warn({ timeoutMs: handlerTimeoutMs }, 'route handlers still running at close; closing anyway');
  });
  // Callback-style hooks: they run on every request and never wait, so they need no promise each.
  app.addHook('onRequest', (request, reply, done) => {
    const accept = request.headers.accept;
    if (typeof accept === 'string' && accept.includes('text/event-stream')) drain.trackStream(reply.raw);
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    // The client must not reuse this connection: the process is about to stop listening, and an idle
    // keep-alive socket would hold the server's close for the whole keep-alive timeout.
    if (drain.draining) reply.header('connection', 'close');
    done(null, payload);
  });
}

/** Turns /ready to 503, waits for the load balancer to notice, stops listening and waits for in-flight requests. */
export async function closeAppGracefully(
  app: FastifyInstance,
  drain: DrainState,
  options: HttpDrainOptions,
): Promise<void> {
  drain.begin();
  if (options.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.drainDelayMs));
  drain.endStreams();
  const closed = app.close();
  const timer = setTimeout(() => {
    app.log.warn({ timeoutMs: options.requestTimeoutMs }, 'in-flight requests did not finish in time; closing them');
    app.server.closeAllConnections();
  }, options.requestTimeoutMs);
  timer.unref();
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}
