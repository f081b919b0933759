import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from './platform/platform.ts';
import type { Services } from './modules/services.ts';
import { installErrorHandling } from './platform/http/error-handler.ts';
import { tooManyRequests } from './platform/http/errors.ts';
import { RedisRequestWindows } from './platform/rate-limit/redis-request-windows.ts';
import { requestWindowStore } from './platform/rate-limit/request-window-store.ts';
import { authGuardPlugin } from './platform/http/auth-guard.ts';
import { installOpenApi } from './platform/http/openapi.ts';
import { createCompiledSerializerCompiler } from './platform/http/compiled-serializer.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { rememberClientAddresses } from './platform/http/client-address.ts';
import { adminOpsRoutes } from './modules/admin/ops-routes.ts';
import { installRouteLogBindings } from './platform/observability/request-log-bindings.ts';
import { installHttpMetrics } from './platform/observability/metrics.ts';
import { installDrainHooks } from './platform/lifecycle/http-drain.ts';
import { installReplicaReads } from './platform/http/replica-reads.ts';
import { createWriteMarks } from './platform/db/replicas/write-marks.ts';
import { installResponseCache } from './platform/cache/response-cache.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { adminMailRoutes } from './modules/admin/mail-routes.ts';
import { commentRoutes } from './modules/comments/routes.ts';
import { moderationRoutes } from './modules/moderation/routes.ts';
import { videoReportRoutes } from './modules/moderation/video-report-routes.ts';
import { caseRoutes } from './modules/moderation/case-routes.ts';
import { translationRoutes } from './modules/translation/routes.ts';
import { subscriptionRoutes } from './modules/subscriptions/routes.ts';
import { playlistRoutes } from './modules/playlists/routes.ts';
import { channelRoutes } from './modules/channels/routes.ts';
import { likeRoutes } from './modules/likes/routes.ts';
import { viewRoutes } from './modules/views/view-routes.ts';
import { historyRoutes } from './modules/views/history-routes.ts';
import { counterFlushingPlugin } from './modules/views/engagement-flusher.ts';
import { adminJobRoutes } from './modules/admin/job-routes.ts';
import { videoRoutes } from './modules/videos/routes.ts';
import { processingStreamRoutes } from './modules/videos/processing-stream-routes.ts';
import { mediaRoutes } from './modules/videos/media-routes.ts';
import { uploadRoutes } from './modules/uploads/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { trendingRoutes } from './modules/trending/routes.ts';
import { feedRoutes } from './modules/feeds/routes.ts';
import { intelligenceRoutes } from './modules/intelligence/routes.ts';
import { adminUserRoutes } from './modules/users/admin-user-routes.ts';
import { webAppRoutes } from './modules/web/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { analyticsRoutes } from './modules/analytics/routes.ts';
import { courseRoutes } from './modules/courses/routes.ts';
import { courseGenerationRoutes } from './modules/courses/generation-routes.ts';
import { courseExportRoutes } from './modules/courses/export-routes.ts';
import { analyticsFlushingPlugin } from './modules/analytics/jobs.ts';
import { recommendationRoutes } from './modules/recommendations/routes.ts';
import { liveRoutes } from './modules/live/routes.ts';
import { liveChatSocketRoutes } from './modules/live/chat/chat-socket.ts';
import websocket from '@fastify/websocket';
import { noteRoutes } from './modules/notes/routes.ts';
import { noteSocketRoutes, websocketMaxPayload } from './modules/notes/note-socket.ts';
import { liveMediaRoutes } from './modules/live/live-media-routes.ts';
import { bookingRoutes } from './modules/booking/routes.ts';

export type App = FastifyInstance;

const REQUEST_ID_PATTERN = /^[A-Za-z0-9_\-.:]{1,100}$/;

/**
 * Builds the HTTP application from an opened Platform and the services the composition root built
 * on it (modules/services.ts); listening is the caller's business.
 */
export async function buildApp(platform: Platform, services: Services): Promise<App> {
  const { config } = platform;
  const app = Fastify({
    loggerInstance: platform.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Honour a caller's request id (from a proxy) when it is sane, so one id follows a request end to end.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  rememberClientAddresses(app.server);
  // First, so every route registered below (and by the plugins) logs its pattern and method.
  installRouteLogBindings(app);

  // The API speaks JSON; a text/plain body is a client mistake answered with 415, not parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  // Tests cross-check every compiled response against Zod's serialiser (see compiled-serializer.ts).
  app.setSerializerCompiler(createCompiledSerializerCompiler({ crossCheck: config.env === 'test' }));
  // On the raw response, like the security headers: answers written outside Fastify's reply (tus) carry it too.
  app.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader('x-request-id', request.id);
    done();
  });
  installErrorHandling(app);
  installHttpMetrics(app, platform.metrics);
  installDrainHooks(app, platform.drain, config.shutdown.requestTimeoutMs);
  installReplicaReads(app, {
    database: platform.database,
    marks: createWriteMarks({
      redis: platform.redis,
      keyPrefix: config.redisKeyPrefix,
      windowMs: config.database.replicas.readYourWritesMs,
    }),
    logger: platform.logger,
  });
  if (config.cache.responses) installResponseCache(app, platform.responseCache);

  installSecurityHeaders(app, {
    documents: {
      // The bundled API docs page needs inline styles and scripts from its own origin.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          mediaSrc: ["'self'", 'blob:', 'https:'],
          connectSrc: ["'self'", 'https:'],
          // hls.js transmuxes in a Web Worker it starts from a blob: URL.
          workerSrc: ["'self'", 'blob:'],
          // A self-hosted server is often plain http on a LAN address: upgrading its own requests would break the site.
          upgradeInsecureRequests: null,
        },
      },
      crossOriginResourcePolicy: { policy: 'same-site' },
    },
    // JSON data: OWASP's set for REST responses. Nothing may frame or render it (a CSP that allows
    // nothing), no MIME sniffing, HTTPS remembered; the rest of helmet's headers only matter to pages.
    api: {
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      crossOriginResourcePolicy: { policy: 'same-site' },
      xFrameOptions: { action: 'deny' },
      crossOriginOpenerPolicy: false,
      originAgentCluster: false,
      referrerPolicy: false,
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
    },
  });
  const corsOrigins = new Set(config.corsOrigins);
  await app.register(cors, {
    // Only a cross-origin browser request carries Origin and reads these headers; the rest get none.
    origin: (origin, callback) => callback(null, origin !== undefined && corsOrigins.has(origin)),
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'location', 'upload-offset', 'upload-length', 'tus-resumable'],
  });
  const requestWindows =
    platform.redis &&
    new RedisRequestWindows(platform.redis, (error) => app.log.warn({ err: error }, 'rate-limit sync to Redis failed'));
  if (requestWindows) app.addHook('onClose', () => requestWindows.close());
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimits.globalPerMinute,
    timeWindow: 60_000,
    // With Redis the windows are shared by every API replica; otherwise they live in this process.
    ...(requestWindows
      ? { store: requestWindowStore(requestWindows, `${config.redisKeyPrefix}ratelimit:`), skipOnError: true }
      : {}),
    errorResponseBuilder: (_request, context) =>
      tooManyRequests(context.ttl / 1000, `Too many requests: limit is ${context.max} per ${context.after}`),
  });
  await app.register(authGuardPlugin, {
    signer: services.accessTokens,
  });
  await installOpenApi(app);

  await app.register(healthRoutes, { platform, services });
  await app.register(authRoutes, { platform, services, prefix: '/api/v1/auth' });
  await app.register(userRoutes, { services, prefix: '/api/v1/users' });
  await app.register(adminMailRoutes, { platform, prefix: '/api/v1/admin' });
  await app.register(adminJobRoutes, { platform, prefix: '/api/v1/admin' });
  await app.register(adminOpsRoutes, { platform, prefix: '/api/v1/admin' });
  await app.register(videoRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(processingStreamRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(mediaRoutes, { platform });
  await app.register(uploadRoutes, { platform, services });
  await app.register(likeRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(viewRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(historyRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(counterFlushingPlugin, { platform, flusher: services.engagementFlusher });
  await app.register(subscriptionRoutes, { services, prefix: '/api/v1' });
  await app.register(playlistRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(channelRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(commentRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(moderationRoutes, { services, prefix: '/api/v1' });
  await app.register(videoReportRoutes, { services, prefix: '/api/v1' });
  await app.register(caseRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(translationRoutes, { services, prefix: '/api/v1' });
  await app.register(searchRoutes, { platform, services, prefix: '/api/v1' });
  // The in-process vector indexes write their latest changes to their snapshots, so a restart need not rebuild.
  app.addHook('onClose', () => services.vectorIndexes.flush());
  await app.register(trendingRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(feedRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(intelligenceRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(adminUserRoutes, { platform, prefix: '/api/v1/admin' });
  await app.register(notificationRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(analyticsRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(analyticsFlushingPlugin, { platform, flusher: services.analytics.flusher });
  await app.register(recommendationRoutes, { platform, services, prefix: '/api/v1' });
  // One WebSocket layer for the chat and the notes sockets; each enforces its own frame limit below this one.
  await app.register(websocket, { options: { maxPayload: websocketMaxPayload(platform.config) } });
  await app.register(liveRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(liveChatSocketRoutes, { platform, services });
  await app.register(liveMediaRoutes, { platform, services });
  await app.register(courseRoutes, { services, prefix: '/api/v1' });
  await app.register(courseGenerationRoutes, { platform, services, prefix: '/api/v1' });
  await app.register(courseExportRoutes, { services, prefix: '/api/v1' });
  await app.register(bookingRoutes, { services, prefix: '/api/v1' });
  await app.register(noteRoutes, { services, prefix: '/api/v1' });
  await app.register(noteSocketRoutes, { services });
  // The web app answers only what no route above does (the router prefers specific routes to its catch-all).
  await app.register(webAppRoutes);
  return app;
}
