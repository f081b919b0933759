import type { Ai } from '../platform/ai/ai.ts';
import { createAi } from '../platform/ai/create-ai.ts';
import { AiUsageReporter } from '../platform/ai/usage-report.ts';
import {
  createModerator,
  createTranslator,
  type RoutedModeration,
} from '../platform/ai/routed-moderation-translation.ts';
import type { Translator } from '../platform/ai/translation/translator.ts';
import type { CounterFlusher } from '../platform/counters/counter-flusher.ts';
import { createHotCounters } from '../platform/counters/create-hot-counters.ts';
import type { HotCounters } from '../platform/counters/hot-counters.ts';
import type { Mailer } from '../platform/mail/mailer.ts';
import type { Platform } from '../platform/platform.ts';
import { createRateLimiter } from '../platform/rate-limit/create-rate-limiter.ts';
import { AccessTokenSigner } from '../platform/security/jwt.ts';
import { createAnalytics, type Analytics } from './analytics/analytics-module.ts';
import { AuthService } from './auth/service.ts';
import { ChannelService } from './channels/service.ts';
import { CommentAccess } from './comments/comment-access.ts';
import { CommentQueries } from './comments/queries.ts';
import { CommentService } from './comments/service.ts';
import { createFeedStore, type FeedStore } from './feeds/feed-store.ts';
import { HomeFeed } from './feeds/home-feed.ts';
import { createNotificationsModule, type NotificationsModule } from './notifications/module.ts';
import { createCoursesModule, type CoursesModule } from './courses/module.ts';
import { createNotesModule, type NotesModule } from './notes/module.ts';
import type { FeedDeps } from './feeds/jobs.ts';
import { SubscriptionsFeed } from './feeds/subscriptions-feed.ts';
import { VideoAnalysisStatus } from './intelligence/analysis-status.ts';
import { SemanticSearch } from './intelligence/semantic-search.ts';
import { VectorIndexes } from './intelligence/vector-indexes.ts';
import { VideoVectors } from './intelligence/video-vectors.ts';
import { VideoQa } from './intelligence/video-qa.ts';
import { LikeService } from './likes/service.ts';
import { createLiveModule, type LiveModule } from './live/module.ts';
import { createBookingModule, type BookingModule } from './booking/module.ts';
import { AutoAssessor } from './moderation/auto-assessor.ts';
import { CaseReviewService } from './moderation/case-review.ts';
import { ModerationService } from './moderation/service.ts';
import { VideoReports } from './moderation/video-reports.ts';
import { PlaylistService } from './playlists/service.ts';
import { RecommendationService } from './recommendations/service.ts';
import { SearchService } from './search/service.ts';
import { SubscriptionService } from './subscriptions/service.ts';
import { CommentTranslationService } from './translation/service.ts';
import { TrendingService } from './trending/service.ts';
import { createTrendingStore, type TrendingStore } from './trending/trending-store.ts';
import { createUploadServices, type UploadServices } from './uploads/upload-services.ts';
import { UserService } from './users/service.ts';
import { createMediaUrls, type MediaUrls } from './videos/media-urls.ts';
import { VideoPresenter } from './videos/presenter.ts';
import { CustomThumbnails } from './videos/custom-thumbnails.ts';
import { VideoService } from './videos/service.ts';
import { createEngagementFlusher } from './views/engagement-flusher.ts';
import { HistoryService } from './views/history-service.ts';
import { createViewDedupe } from './views/view-dedupe.ts';
import { ViewService } from './views/view-service.ts';

/**
 * Parts the services share that a caller may replace before they are built: a test hands in a fake
 * mailer or counters, everything else comes from the Platform.
 */
export interface ServiceParts {
  mailer: Mailer;
  counters: HotCounters;
  ai: Ai;
}

/** Every feature service of the process, built once by createServices and handed to routes, workers and the CLI. */
export interface Services {
  /** The in-app list, preferences, mail and live updates of notifications; other features add kinds to it. */
  notifications: NotificationsModule;
  // Shared stateful parts: one per process, because several services (and the workers) must see the same one.
  counters: HotCounters;
  engagementFlusher: CounterFlusher;
  ai: Ai;
  moderator: RoutedModeration;
  translator: Translator;
  trendingStore: TrendingStore;
  feedStore: FeedStore;
  /** Fan-out, removal and rebuild of subscription feeds work with these. */
  feeds: FeedDeps;
  mediaUrls: MediaUrls;
  accessTokens: AccessTokenSigner;

  users: UserService;
  auth: AuthService;
  videos: VideoService;
  videoPresenter: VideoPresenter;
  customThumbnails: CustomThumbnails;
  uploads: UploadServices;
  likes: LikeService;
  views: ViewService;
  history: HistoryService;
  subscriptions: SubscriptionService;
  channels: ChannelService;
  playlists: PlaylistService;
  commentAccess: CommentAccess;
  comments: CommentService;
  commentQueries: CommentQueries;
  moderation: ModerationService;
  videoReports: VideoReports;
  caseReview: CaseReviewService;
  autoAssessor: AutoAssessor;
  translations: CommentTranslationService;
  search: SearchService;
  semanticSearch: SemanticSearch;
  /** In-process ANN indexes (used only on PostgreSQL without pgvector), one set per process. */
  vectorIndexes: VectorIndexes;
  /** Public queries on video embeddings: a video's vector, nearest videos (recommendations use these). */
  videoVectors: VideoVectors;
  videoQa: VideoQa;
  analysisStatus: VideoAnalysisStatus;
  aiUsage: AiUsageReporter;
  trending: TrendingService;
  subscriptionsFeed: SubscriptionsFeed;
  homeFeed: HomeFeed;
  /** Player analytics: event buffer, ingest flusher, real-time store, ingest and dashboard services. */
  analytics: Analytics;
  /** "For you": candidates, ranker, per-viewer cache and "Not interested". */
  recommendations: RecommendationService;
  /** Live streaming: stream keys, live streams and premieres, chat, and the RTMP ingest (started by serve or `streamhub live`). */
  live: LiveModule;
  /** Courses: builder, outlines, learning progress, quizzes, XP and leaderboards. */
  courses: CoursesModule;
  /** Live class booking: classes on scheduled streams, seats, holds, waitlist, payments and reminders. */
  booking: BookingModule;
  /** Shared notes on videos and lessons: Yjs documents, study-group links, versions, exports. */
  notes: NotesModule;
}

/**
 * Closes what the services opened of their own: the notes' Yjs server and its Redis publisher and
 * subscriber (the platform's parts are closed by platform.close()). A command that builds the services and
 * ends (seed, rebuild) calls it, or those two connections keep the process alive after its work is done.
 */
export async function closeServices(services: Services): Promise<void> {
  await services.notes.collab.close();
}

/**
 * The composition root: builds each service once, handing it exactly the peers and platform parts it
 * uses. `serve` builds one set and gives it to both the HTTP app and the in-process workers, so the
 * in-process counters, the trending cache and the AI metering are shared; `worker` and the CLI build
 * their own. The order below is the dependency order: a service is built after everything it takes.
 */
export function createServices(platform: Platform, replace: Partial<ServiceParts> = {}): Services {
  const { config, logger, jobs } = platform;
  const db = platform.database.db;
  const mailer = replace.mailer ?? platform.mailer;
  const counters = replace.counters ?? createHotCounters(platform);
  const ai = replace.ai ?? createAi(platform);
  const aiRouting = { config: config.ai, ai, logger };
  const moderator = createModerator(aiRouting);
  const translator = createTranslator(aiRouting);
  const trendingStore = createTrendingStore(platform);
  const feedStore = createFeedStore(platform);
  const feeds: FeedDeps = { db, store: feedStore, settings: config.feeds };
  const mediaUrls = createMediaUrls(platform.jwtSecret, config.mediaUrlTtlSeconds);
  const accessTokens = new AccessTokenSigner(platform.jwtSecret, config.auth.accessTokenTtlSeconds);

  const users = new UserService(db);
  const auth = new AuthService(db, accessTokens, mailer, config, logger);
  const videos = new VideoService({ db, jobs });
  const likes = new LikeService({ db, counters });
  const videoPresenter = new VideoPresenter(db, mediaUrls, likes, users);
  const subscriptions = new SubscriptionService(db);
  const commentAccess = new CommentAccess({ db, videos });
  const search = new SearchService({ db, mediaUrls, logger });
  const trending = new TrendingService({ db, store: trendingStore, cacheSeconds: config.trending.cacheSeconds });
  const subscriptionsFeed = new SubscriptionsFeed({ db, store: feedStore, settings: config.feeds });
  const vectorIndexes = new VectorIndexes({ db, storage: platform.storage, logger });
  const videoVectors = new VideoVectors({ db, indexes: vectorIndexes });

  const notifications = createNotificationsModule({
    db,
    jobs,
    events: platform.events,
    pubsub: platform.pubsub,
    mailer,
    secret: platform.jwtSecret,
    config,
    logger,
  });

  const live = createLiveModule({ platform, notifications, subscriptions, videos, moderator });
  const courses = createCoursesModule({
    db,
    videos,
    redis: platform.redis,
    redisKeyPrefix: config.redisKeyPrefix,
    jobs,
    pubsub: platform.pubsub,
    ai,
    generationDailyTokens: config.courses.generationDailyTokens,
    storage: platform.storage,
    secret: platform.jwtSecret,
    exportUrlTtlSeconds: config.courses.exportUrlTtlSeconds,
  });

  return {
    notifications,
    counters,
    engagementFlusher: createEngagementFlusher(platform, counters),
    ai,
    moderator,
    translator,
    trendingStore,
    feedStore,
    feeds,
    mediaUrls,
    accessTokens,
    users,
    auth,
    videos,
    videoPresenter,
    customThumbnails: new CustomThumbnails({ platform, videos, dataDir: config.dataDir }),
    uploads: createUploadServices(platform, videos),
    likes,
    // One dedupe store per process: the in-process one must see every request.
    views: new ViewService({ counters, videos, dedupe: createViewDedupe(platform) }),
    history: new HistoryService({ db, counters, videos }),
    subscriptions,
    channels: new ChannelService({ db, subscriptions }),
    playlists: new PlaylistService({ db, videos, maxItems: config.playlists.maxItems }),
    commentAccess,
    comments: new CommentService({
      db,
      access: commentAccess,
      // New comments and replies share one bucket per user.
      newCommentLimiter: createRateLimiter(platform, {
        name: 'comments',
        capacity: config.comments.burst,
        refillPerMinute: config.comments.ratePerMinute,
      }),
    }),
    commentQueries: new CommentQueries({ db, access: commentAccess }),
    moderation: new ModerationService({ db, access: commentAccess }),
    videoReports: new VideoReports({ db, access: commentAccess, videos }),
    caseReview: new CaseReviewService(db),
    autoAssessor: new AutoAssessor({ db, moderator, thresholds: config.moderation }),
    translations: new CommentTranslationService({ db, access: commentAccess, translator }),
    search,
    semanticSearch: new SemanticSearch({ db, keyword: search, ai, indexes: vectorIndexes }),
    vectorIndexes,
    videoVectors,
    videoQa: new VideoQa(db, ai),
    analysisStatus: new VideoAnalysisStatus({ db, jobs }),
    aiUsage: new AiUsageReporter({
      db,
      providerChains: () => ({
        ...ai.describe(),
        moderation: moderator.router.chain.map((provider) => `${provider.model.provider}:${provider.model.name}`),
      }),
      limits: { dailyBudgetUsd: config.ai.dailyBudgetUsd, userDailyQuotaUsd: config.ai.userDailyQuotaUsd },
    }),
    trending,
    subscriptionsFeed,
    homeFeed: new HomeFeed({ db, trending, subscriptions: subscriptionsFeed }),
    analytics: createAnalytics({
      ...platform,
      findWatchableVideo: (actor, videoId) => videos.getVisible(actor, videoId),
    }),
    recommendations: new RecommendationService({
      db,
      trending,
      videoVectors,
      videos,
      ai,
      logger,
      settings: config.recommendations,
    }),
    live,
    courses,
    booking: createBookingModule({
      db,
      jobs,
      notifications,
      liveStreams: live.liveStreams,
      chat: live.chat,
      config: config.booking,
      logger,
    }),
    notes: createNotesModule({ platform, videos, courses, users, accessTokens }),
  };
}
