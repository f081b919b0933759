import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { notificationApi } from '../notifications/notification-api.ts';
import { FormError } from '../components/FormError.tsx';

/**
 * The page an unsubscribe link in a mail opens: no sign-in, the signed link is the permission. It
 * asks before changing anything, because mail scanners open links too.
 */
export default function UnsubscribePage() {
  const [params] = useSearchParams();
  const query = { user: params.get('user') ?? '', kind: params.get('kind') ?? '', sig: params.get('sig') ?? '' };
  const check = useQuery({
    queryKey: ['unsubscribe', query],
    queryFn: () => notificationApi.checkUnsubscribe(query),
    retry: false,
  });
  const unsubscribe = useMutation({ mutationFn: () => notificationApi.unsubscribe(query) });
  return (
    <section className="notifications-page">
      <h1 className="page-title">Unsubscribe</h1>
      {check.isPending && <p>Checking the link…</p>}
      <FormError message={check.error?.message} />
      {check.data && !unsubscribe.isSuccess && (
        <>
          <p>
            Stop mails for <strong>{check.data.label}</strong>? You still see these notifications in the app.
          </p>
          <button
            type="button"
            className="button primary"
            disabled={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate()}
          >
            Unsubscribe
          </button>
        </>
      )}
      <FormError message={unsubscribe.error?.message} />
      {unsubscribe.isSuccess && (
        <p role="status">
          You are unsubscribed from {unsubscribe.data.label}.{' '}
          <Link to="/settings/notifications">Notification settings</Link>
        </p>
      )}
    </section>
  );
}
