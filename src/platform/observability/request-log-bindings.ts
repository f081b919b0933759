import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * Every line a request logs (request.log: "incoming request", "request completed", the error handler's
 * "unhandled error", a handler's own warnings) names the route pattern (`/api/v1/videos/:id`, never the
 * raw URL) and the method beside the request id, so the ops console's log search can filter by route
 * (the log sink copies both into ops_logs). Done in the per-route child-logger factory Fastify already
 * calls once per request: the route is known when the route is registered, so the request pays two more
 * bindings on the child logger it creates anyway, not a hook or a serializer per line.
 * Must be installed before any route is registered.
 */
export function installRouteLogBindings(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.childLoggerFactory) return;
    const pattern = route.url;
    route.childLoggerFactory = (logger: FastifyBaseLogger, bindings, options, rawRequest) =>
      // The raw request's method, not the route's: one route may serve GET and HEAD.
      logger.child({ ...bindings, method: rawRequest.method, route: pattern }, options);
  });
}
