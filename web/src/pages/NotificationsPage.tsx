import { RequireSignIn } from '../auth/RequireSignIn.tsx';
import { useLoadMoreSentinel } from '../hooks/useInfiniteScroll.ts';
import { Link } from 'react-router-dom';
import { NotificationItem } from '../notifications/NotificationItem.tsx';
import { useNotificationActions, useNotificationList } from '../notifications/useNotifications.ts';
import '../notifications/notifications.css';
import { FormError } from '../components/FormError.tsx';

/** Every notification, newest first, with infinite scroll, mark-all-read and delete. */
export default function NotificationsPage() {
  return (
    <RequireSignIn what="your notifications">
      <NotificationList />
    </RequireSignIn>
  );
}

function NotificationList() {
  const list = useNotificationList(20);
  const actions = useNotificationActions();
  const sentinel = useLoadMoreSentinel(list.loadMore, !!list.hasNextPage);
  return (
    <section className="notifications-page">
      <h1 className="page-title">Notifications</h1>
      <div className="notifications-toolbar">
        <button type="button" className="button" onClick={actions.markAllRead}>
          Mark all read
        </button>
        <Link to="/settings/notifications">Notification settings</Link>
      </div>
      {list.isPending && <p className="empty">Loading…</p>}
      <FormError message={list.error?.message} />
      {list.items?.length === 0 && <p className="empty">No notifications yet.</p>}
      <ul className="notification-list">
        {list.items?.map((notification) => (
          <NotificationItem
            key={notification.id}
            notification={notification}
            onOpen={actions.open}
            onDelete={actions.remove}
          />
        ))}
      </ul>
      <div ref={sentinel} />
      {list.isFetchingNextPage && <p className="empty">Loading more…</p>}
    </section>
  );
}
