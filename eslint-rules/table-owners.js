// Who owns which table. Every table created in migrations/ is listed (test/platform/module-boundaries.test.ts
// checks that), so a new table cannot slip past the module-boundaries lint rule unowned.
// Owners are feature modules (src/modules/<name>/) or 'platform' (src/platform/: adapters' own tables).

/** @type {Record<string, string>} table -> owning module */
export const TABLE_OWNERS = {
  // 0001 accounts
  users: 'users',
  refresh_tokens: 'auth',
  password_reset_tokens: 'auth',
  mail_messages: 'platform', // the DatabaseMailer's outbox (src/platform/mail)
  // 0002, 0006, 0013: the platform's own bookkeeping
  jobs: 'platform',
  outbox_events: 'platform',
  event_consumers: 'platform',
  event_deliveries: 'platform',
  processed_events: 'platform',
  event_dead_letters: 'platform',
  ai_usage: 'platform',
  // 0003-0005 videos and uploads
  videos: 'videos',
  video_renditions: 'videos',
  video_create_requests: 'videos', // dropped by 0020 (idempotency_keys)
  uploads: 'uploads',
  // 0007 likes, views, history
  likes: 'likes',
  watch_history: 'views',
  watch_history_settings: 'views',
  video_daily_stats: 'views',
  // 0008 comments and reports
  comments: 'comments',
  comment_likes: 'comments',
  video_comment_settings: 'comments',
  comment_reports: 'moderation',
  video_reports: 'moderation',
  // 0009 subscriptions and playlists
  subscriptions: 'subscriptions',
  channel_stats: 'subscriptions',
  playlists: 'playlists',
  playlist_create_requests: 'playlists', // dropped by 0020 (idempotency_keys)
  playlist_items: 'playlists',
  // 0010, 0012 search
  video_search: 'search',
  search_tags: 'search',
  search_queries: 'search',
  search_words: 'search',
  title_suggestions: 'search', // 0080
  search_tag_videos: 'search', // 0080
  // 0011 discovery
  trending_activity: 'trending',
  trending_scores: 'trending',
  feed_items: 'feeds',
  // 0012 seed
  seed_runs: 'seed',
  // 0014 intelligence
  video_transcripts: 'intelligence',
  transcript_segments: 'intelligence',
  video_insights: 'intelligence',
  video_embeddings: 'intelligence',
  segment_embeddings: 'intelligence',
  video_answers: 'intelligence',
  // 0015, 0016
  moderation_cases: 'moderation',
  comment_languages: 'translation',
  translation_cache: 'translation',
  // 0020: every Idempotency-Key (src/platform/idempotency)
  idempotency_keys: 'platform',
  // 0030 notifications
  notifications: 'notifications',
  notification_receipts: 'notifications',
  notification_preferences: 'notifications',
  // 0040 analytics
  analytics_events: 'analytics',
  analytics_video_hourly: 'analytics',
  analytics_video_daily: 'analytics',
  analytics_retention_daily: 'analytics',
  analytics_channel_daily: 'analytics',
  analytics_channel_viewers: 'analytics',
  analytics_channel_audience: 'analytics',
  analytics_engagement_hourly: 'analytics',
  analytics_dirty_hours: 'analytics',
  // 0050
  video_analysis_status: 'intelligence',
  // 0070 recommendations
  recommendation_cowatch: 'recommendations',
  recommendation_cowatch_counted: 'recommendations',
  recommendation_not_interested: 'recommendations',
  recommendation_cache: 'recommendations',
  // 0090 live streaming and chat
  live_stream_keys: 'live',
  live_streams: 'live',
  live_chat_messages: 'live',
  live_chat_moderators: 'live',
  live_chat_bans: 'live',
  // 0100 courses
  courses: 'courses',
  course_modules: 'courses',
  course_lessons: 'courses',
  course_enrolments: 'courses',
  course_lesson_progress: 'courses',
  course_quiz_attempts: 'courses',
  course_xp_events: 'courses',
  course_xp_totals: 'courses',
  course_streaks: 'courses',
  course_documents: 'courses',
  course_generations: 'courses',
  course_exports: 'courses',
  // 0065 voice activity and image moderation
  video_speech_activity: 'intelligence',
  video_languages: 'intelligence',
  video_frame_scores: 'moderation',
  // 0130 live class booking
  live_classes: 'booking',
  live_class_seats: 'booking',
  live_class_bookings: 'booking',
  // 0110 operations: process heartbeats and the structured log ring (src/platform/ops)
  ops_processes: 'platform',
  ops_logs: 'platform',
  // 0120 shared notes
  note_documents: 'notes',
  note_updates: 'notes',
  note_members: 'notes',
  note_shares: 'notes',
  note_revisions: 'notes',
};
