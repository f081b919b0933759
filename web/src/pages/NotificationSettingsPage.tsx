import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useCursorList } from '../hooks/useCursorList.ts';
import {
  DELIVERY_LABELS,
  notificationApi,
  NOTIFICATIONS_KEY,
  type Delivery,
  type MySubscription,
} from '../notifications/notification-api.ts';
import '../notifications/notifications.css';
import { FormError } from '../components/FormError.tsx';

const PREFERENCES_KEY = [...NOTIFICATIONS_KEY, 'preferences'];

/** Per kind: in-app, mail at once, daily digest or off; per channel: the subscription's bell. */
export default function NotificationSettingsPage() {
  return (
    <RequireSignIn what="your notification settings">
      <section className="notifications-page">
        <h1 className="page-title">Notification settings</h1>
        <KindSettings />
        <ChannelSettings />
      </section>
    </RequireSignIn>
  );
}

function KindSettings() {
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: PREFERENCES_KEY, queryFn: notificationApi.preferences });
  const save = useMutation({
    mutationFn: (change: { kind: string; delivery: Delivery }) => notificationApi.setPreferences([change]),
    onSuccess: (updated) => queryClient.setQueryData(PREFERENCES_KEY, updated),
  });
  return (
    <>
      <h2>What you hear about, and how</h2>
      <FormError message={preferences.error?.message} />
      <FormError message={save.error?.message} />
      <table className="preference-table">
        <thead>
          <tr>
            <th>Notification</th>
            <th>Delivery</th>
          </tr>
        </thead>
        <tbody>
          {preferences.data?.map((preference) => (
            <tr key={preference.kind}>
              <td>
                <label htmlFor={`delivery-${preference.kind}`}>
                  <strong>{preference.label}</strong>
                </label>
                <p className="muted">{preference.description}</p>
              </td>
              <td>
                <select
                  id={`delivery-${preference.kind}`}
                  value={preference.delivery}
                  onChange={(event) => save.mutate({ kind: preference.kind, delivery: event.target.value as Delivery })}
                >
                  {(Object.keys(DELIVERY_LABELS) as Delivery[]).map((delivery) => (
                    <option key={delivery} value={delivery}>
                      {DELIVERY_LABELS[delivery]}
                      {delivery === preference.defaultDelivery ? ' (default)' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ChannelSettings() {
  const queryClient = useQueryClient();
  const subscriptions = useCursorList<MySubscription>(['me', 'subscriptions'], notificationApi.mySubscriptions);
  const toggle = useMutation({
    mutationFn: ({ channelId, enabled }: { channelId: string; enabled: boolean }) =>
      notificationApi.setChannelNotifications(channelId, enabled),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'subscriptions'] }),
  });
  return (
    <>
      <h2>New videos per channel</h2>
      <p className="muted">Channels you subscribe to: all new videos, or none.</p>
      {subscriptions.items?.length === 0 && <p className="empty">You do not subscribe to any channel yet.</p>}
      <table className="preference-table">
        <tbody>
          {subscriptions.items?.map((subscription) => (
            <tr key={subscription.user.id}>
              <td>
                <label htmlFor={`channel-${subscription.user.id}`}>{subscription.user.username}</label>
              </td>
              <td>
                <select
                  id={`channel-${subscription.user.id}`}
                  value={subscription.notificationsEnabled ? 'all' : 'none'}
                  onChange={(event) =>
                    toggle.mutate({ channelId: subscription.user.id, enabled: event.target.value === 'all' })
                  }
                >
                  <option value="all">All new videos</option>
                  <option value="none">None</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {subscriptions.hasNextPage && (
        <button type="button" className="button" onClick={subscriptions.loadMore}>
          Show more channels
        </button>
      )}
    </>
  );
}
