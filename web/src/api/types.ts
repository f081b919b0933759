// Shapes of the StreamHub API's answers that the web app reads (docs/API.md has every field).

export type Role = 'viewer' | 'creator' | 'admin';
export type Visibility = 'public' | 'unlisted' | 'private';
export type VideoStatus = 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';

export interface PublicUser {
  id: string;
  username: string;
  role: Role;
  bio: string;
  avatarUrl: string | null;
  createdAt: string;
}

export interface PrivateUser extends PublicUser {
  email: string;
}

export interface Session {
  user: PrivateUser;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface Rendition {
  name: string;
  width: number | null;
  height: number | null;
  bandwidth: number;
}

export interface Video {
  id: string;
  title: string;
  description: string;
  tags: string[];
  category: string | null;
  visibility: Visibility;
  status: VideoStatus;
  failureReason: string | null;
  processingProgress: number;
  duration: number | null;
  width: number | null;
  height: number | null;
  thumbnailUrl: string | null;
  storyboard: { imageUrl: string; vttUrl: string } | null;
  renditions: Rendition[];
  views: number;
  likes: number;
  hasLiked: boolean;
  commentCount: number;
  creator: { id: string; username: string; avatarUrl: string | null };
  createdAt: string;
  uploadedAt: string | null;
  processedAt: string | null;
}

/** What every video card needs: full videos and search results both have it. */
export interface VideoSummary {
  id: string;
  title: string;
  duration: number | null;
  views: number;
  thumbnailUrl: string | null;
  creator: { id: string; username: string };
  uploadedAt: string | null;
}

export interface SearchResult extends VideoSummary {
  description: string;
  tags: string[];
  highlights: { title: string; description: string };
}

export interface Suggestion {
  type: 'video' | 'tag' | 'channel';
  text: string;
  id: string | null;
}

export interface Comment {
  id: string;
  videoId: string;
  parentId: string | null;
  replyToUser: { id: string; username: string } | null;
  text: string;
  author: { id: string; username: string; avatarUrl: string | null } | null;
  likeCount: number;
  replyCount: number;
  hasLiked: boolean;
  isEdited: boolean;
  isHidden: boolean;
  isDeleted: boolean;
  createdAt: string;
}

export const REPORT_REASONS = ['spam', 'harassment', 'hate', 'misinformation', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface CommentTranslation {
  commentId: string;
  translated: boolean;
  text: string;
  from: string;
  to: string;
  /** Ready to show, e.g. "Translated from Spanish". */
  notice: string;
  original: { text: string; language: string };
}

export interface Channel {
  user: PublicUser;
  subscriberCount: number;
  subscriptionCount: number;
  videoCount: number;
  totalViews: number;
  isSubscribed: boolean;
  notificationsEnabled: boolean | null;
}

export interface Playlist {
  id: string;
  ownerId: string;
  kind: 'regular' | 'watch_later';
  title: string;
  description: string;
  visibility: Visibility;
  itemCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlaylistItem {
  position: number;
  addedAt: string;
  video: Video;
}

export interface WatchProgress {
  videoId: string;
  positionSeconds: number;
  watchedSeconds: number;
  completed: boolean;
  lastWatchedAt: string;
}

export interface HistoryEntry extends WatchProgress {
  video: Video;
}

export interface HomeFeedEntry {
  reason: 'subscriptions' | 'trending' | 'fresh' | 'related';
  video: Video;
}

export interface Report {
  id: string;
  commentId: string;
  reason: ReportReason;
  details: string | null;
  status: 'open' | 'resolved';
  createdAt: string;
  reporter: { id: string; username: string };
  comment: { id: string; text: string; isHidden: boolean; isDeleted: boolean; openReportCount: number; author: { id: string; username: string; isBanned: boolean } };
  video: { id: string; title: string };
}

export interface FailedJob {
  id: string;
  queue: string;
  name: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  payload: unknown;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
