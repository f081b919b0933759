// The notifications API as the web app uses it: the list, the unread count, read marks, preferences, unsubscribe.
import { request, requestPage } from '../api/client.ts';
import type { PublicUser } from '../api/types.ts';

export interface AppNotification {
  id: string;
  kind: string;
  text: string;
  link: string;
  count: number;
  thumbnailUrl: string | null;
  actor: { id: string; username: string } | null;
  read: boolean;
  createdAt: string;
  updatedAt: string;
}

export type Delivery = 'in_app' | 'mail_immediate' | 'mail_digest' | 'off';

export interface KindPreference {
  kind: string;
  label: string;
  description: string;
  delivery: Delivery;
  defaultDelivery: Delivery;
}

export const DELIVERY_LABELS: Record<Delivery, string> = {
  in_app: 'In the app only',
  mail_immediate: 'In the app and by mail at once',
  mail_digest: 'In the app and in the daily digest mail',
  off: 'Off',
};

/** Every query of this feature starts with this key, so one invalidation refreshes them all. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export interface MySubscription {
  user: PublicUser;
  notificationsEnabled: boolean;
}

export const notificationApi = {
  page: (limit: number) => (cursor: string | undefined) =>
    requestPage<AppNotification>('/api/v1/notifications', { limit, cursor }),
  mySubscriptions: (cursor: string | undefined) =>
    requestPage<MySubscription>('/api/v1/me/subscriptions', { limit: 50, cursor }),
  setChannelNotifications: (channelId: string, enabled: boolean) =>
    request(`/api/v1/users/${channelId}/subscription`, { method: 'PUT', body: { notificationsEnabled: enabled } }),
  unreadCount: () => request<{ unreadCount: number }>('/api/v1/notifications/unread-count'),
  markRead: (id: string) =>
    request<{ unreadCount: number }>(`/api/v1/notifications/${id}/read`, { method: 'POST', body: { read: true } }),
  markAllRead: () => request<{ marked: number }>('/api/v1/notifications/read-all', { method: 'POST' }),
  remove: (id: string) => request<null>(`/api/v1/notifications/${id}`, { method: 'DELETE' }),
  preferences: () => request<KindPreference[]>('/api/v1/notifications/preferences'),
  setPreferences: (preferences: { kind: string; delivery: Delivery }[]) =>
    request<KindPreference[]>('/api/v1/notifications/preferences', { method: 'PUT', body: { preferences } }),
  checkUnsubscribe: (query: Record<string, string>) =>
    request<{ label: string }>('/api/v1/notifications/unsubscribe', { query }),
  unsubscribe: (query: Record<string, string>) =>
    request<{ label: string; unsubscribed: string[] }>('/api/v1/notifications/unsubscribe', { method: 'POST', query }),
};
