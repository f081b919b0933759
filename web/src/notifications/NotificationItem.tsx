import { Link } from 'react-router-dom';
import { formatAgo } from './format-ago.ts';
import type { AppNotification } from './notification-api.ts';

/** One notification: thumbnail, sentence, age; following it marks it read. */
export function NotificationItem({
  notification,
  onOpen,
  onDelete,
}: {
  notification: AppNotification;
  onOpen: (notification: AppNotification) => void;
  onDelete?: (notification: AppNotification) => void;
}) {
  return (
    <li className={`notification-item${notification.read ? '' : ' unread'}`} data-notification-id={notification.id}>
      <Link to={notification.link} className="notification-link" onClick={() => onOpen(notification)}>
        {notification.thumbnailUrl ? (
          <img className="notification-thumb" src={notification.thumbnailUrl} alt="" loading="lazy" />
        ) : (
          <span className="notification-thumb placeholder" aria-hidden="true">
            {notification.actor?.username.slice(0, 1).toUpperCase() ?? '•'}
          </span>
        )}
        <span className="notification-body">
          <span className="notification-text">{notification.text}</span>
          <small className="muted">
            {formatAgo(notification.updatedAt)}
            {notification.read ? '' : ' · unread'}
          </small>
        </span>
      </Link>
      {onDelete && (
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete notification: ${notification.text}`}
          onClick={() => onDelete(notification)}
        >
          ✕
        </button>
      )}
    </li>
  );
}
