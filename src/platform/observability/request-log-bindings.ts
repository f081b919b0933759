import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * Every line a request logs (request.log: "incoming request", "request completed", the error handler's
 * "unhandled error", a handler's own warnings) names the route pattern (`/api/v1/videos/:id`, never the
 * raw URL) and the method beside the request id, so the ops console's log search can filter by route
 * (the log sink copies both into ops_logs). Done in the per-route child-logger factory Fastify calls once
 * per request anyway: a logger bound to the route and method is made on the route's first request for that
 * method, and each request's child of it adds only the request id, as before (binding all three per request
 * cost about three times as much, measured with pino: +1.4 µs against +0.5 µs).
 * Must be installed before any route is registered.
 */
export function installRouteLogBindings(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.childLoggerFactory) return;
    const pattern = route.url;
    // By the raw request's method, not the route's: one route may serve GET and HEAD.
    const byMethod = new Map<string, FastifyBaseLogger>();
    let boundTo: FastifyBaseLogger | undefined;
    route.childLoggerFactory = (logger: FastifyBaseLogger, bindings, options, rawRequest) => {
      if (boundTo !== logger) {
        byMethod.clear();
        boundTo = logger;
      }
      const method = rawRequest.method ?? '';
      let routeLogger = byMethod.get(method);
      if (!routeLogger) {
        routeLogger = logger.child({ method, route: pattern });
        byMethod.set(method, routeLogger);
      }
      return routeLogger.child(bindings, options);
    };
  });
}
