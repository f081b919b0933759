import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { currentAccessToken } from '../api/client.ts';
import { NOTIFICATIONS_KEY } from './notification-api.ts';

/**
 * Keeps the unread badge live: the server's SSE stream sends the count whenever this user's
 * notifications change (in any tab, from any server process), and every list is refetched then.
 * EventSource reconnects by itself; on a reconnect we fetch a fresh token first.
 */
export function useNotificationStream(userId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    let source: EventSource | null = null;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      const token = await currentAccessToken();
      if (closed || !token) return;
      source = new EventSource(`/api/v1/notifications/stream?access_token=${encodeURIComponent(token)}`);
      source.addEventListener('unread', (event) => {
        const { unreadCount } = JSON.parse((event as MessageEvent<string>).data) as { unreadCount: number };
        queryClient.setQueryData([...NOTIFICATIONS_KEY, 'unread', userId], { unreadCount });
        void queryClient.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'list'] });
      });
      source.onerror = () => {
        // The access token in the URL may have expired: reconnect with a fresh one after a pause.
        source?.close();
        if (!closed) retry = setTimeout(() => void connect(), 3000);
      };
    };
    void connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [userId, queryClient]);
}
