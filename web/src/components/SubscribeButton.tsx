import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Channel } from '../api/types.ts';
import { useAuth } from '../auth/auth-context.tsx';
import * as channelApi from '../channels/channel-api.ts';
import { feedsKey } from '../feeds/feed-api.ts';
import { formatCount } from './format.ts';

export function useChannel(channelId: string) {
  return useQuery({
    queryKey: channelApi.channelKey(channelId),
    queryFn: () => channelApi.fetchChannel(channelId),
  });
}

/**
 * Subscribe / unsubscribe with the subscriber count beside it; guests are sent to sign in. On a watch
 * page `fromVideoId` names the video, which the creator's analytics credit with the subscriber.
 */
export function SubscribeButton({ channelId, fromVideoId }: { channelId: string; fromVideoId?: string }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const channel = useChannel(channelId);
  const toggle = useMutation({
    mutationFn: async (subscribe: boolean) => {
      if (subscribe) {
        const result = await channelApi.subscribe(channelId, fromVideoId);
        return { isSubscribed: true, subscriberCount: result.subscriberCount };
      }
      await channelApi.unsubscribe(channelId, fromVideoId);
      return { isSubscribed: false, subscriberCount: Math.max(0, (channel.data?.subscriberCount ?? 1) - 1) };
    },
    onSuccess: (change) => {
      queryClient.setQueryData<Channel>(channelApi.channelKey(channelId), (old) => (old ? { ...old, ...change } : old));
      void queryClient.invalidateQueries({ queryKey: feedsKey });
    },
  });

  const count = channel.data ? formatCount(channel.data.subscriberCount, 'subscriber') : '';
  if (user?.id === channelId) return <span className="muted subscriber-count">{count}</span>;
  const subscribed = channel.data?.isSubscribed ?? false;
  return (
    <span className="subscribe">
      <button
        type="button"
        className={subscribed ? 'button' : 'button primary'}
        aria-pressed={subscribed}
        disabled={!channel.data || toggle.isPending}
        onClick={() =>
          user ? toggle.mutate(!subscribed) : navigate(`/login?next=${encodeURIComponent(location.pathname)}`)
        }
      >
        {subscribed ? 'Subscribed' : 'Subscribe'}
      </button>
      <span className="muted subscriber-count" aria-live="polite">
        {count}
      </span>
      {toggle.error && (
        <span className="field-error" role="alert">
          {toggle.error.message}
        </span>
      )}
    </span>
  );
}
