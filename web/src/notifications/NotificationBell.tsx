import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth-context.tsx';
import { useDismiss } from '../hooks/useDismiss.ts';
import { NotificationItem } from './NotificationItem.tsx';
import { useNotificationActions, useNotificationList, useUnreadCount } from './useNotifications.ts';
import { useNotificationStream } from './useNotificationStream.ts';
import { useRevealLinkedItem } from './useRevealLinkedItem.ts';
import './notifications.css';

/** The top bar's bell: the live unread badge and a dropdown of recent notifications. Signed-in users only. */
export function NotificationBell() {
  const { user } = useAuth();
  useRevealLinkedItem();
  if (!user) return null;
  return <Bell userId={user.id} />;
}

function Bell({ userId }: { userId: string }) {
  useNotificationStream(userId);
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  useDismiss(
    container,
    open,
    useCallback(() => setOpen(false), []),
  );
  const unread = useUnreadCount(userId).data?.unreadCount ?? 0;
  const recent = useNotificationList(8, open);
  const actions = useNotificationActions();
  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;

  return (
    <div className="notification-bell" ref={container}>
      <button
        type="button"
        className="icon-button bell-button"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <svg className="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-badge" data-testid="notification-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="notification-dropdown" role="dialog" aria-label="Recent notifications">
          <div className="notification-dropdown-header">
            <strong>Notifications</strong>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={actions.markAllRead}>
                Mark all read
              </button>
            )}
          </div>
          {recent.isPending && <p className="empty">Loading…</p>}
          {recent.items?.length === 0 && (
            <p className="empty">Nothing yet. Subscribe to channels with the bell on to hear about new videos.</p>
          )}
          <ul
            className="notification-list"
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('a')) setOpen(false);
            }}
          >
            {recent.items?.slice(0, 8).map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={actions.open} />
            ))}
          </ul>
          <div className="notification-dropdown-footer">
            <Link to="/notifications" onClick={() => setOpen(false)}>
              See all
            </Link>
            <Link to="/settings/notifications" onClick={() => setOpen(false)}>
              Settings
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
