import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../hooks/useCursorList.ts';
import { notificationApi, NOTIFICATIONS_KEY, type AppNotification } from './notification-api.ts';

export function useUnreadCount(userId: string | undefined) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread', userId],
    queryFn: notificationApi.unreadCount,
    enabled: !!userId,
    // The SSE stream pushes changes; this poll is only the fallback when it cannot connect.
    refetchInterval: 60_000,
  });
}

export function useNotificationList(limit: number, enabled = true) {
  return useCursorList<AppNotification>([...NOTIFICATIONS_KEY, 'list', limit], notificationApi.page(limit), enabled);
}

/** Read marks and deletion; the stream announces the change, and we refetch at once for this tab too. */
export function useNotificationActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const markRead = useMutation({ mutationFn: notificationApi.markRead, onSuccess: refresh });
  const markAllRead = useMutation({ mutationFn: notificationApi.markAllRead, onSuccess: refresh });
  const remove = useMutation({ mutationFn: notificationApi.remove, onSuccess: refresh });
  return {
    open: (notification: AppNotification) => {
      if (!notification.read) markRead.mutate(notification.id);
    },
    markAllRead: () => markAllRead.mutate(),
    remove: (notification: AppNotification) => remove.mutate(notification.id),
  };
}
