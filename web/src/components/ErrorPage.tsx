import { Link } from 'react-router-dom';
import { ApiError, isNetworkFailure } from '../api/api-error.ts';

interface Props {
  status: number | 'offline';
  title: string;
  message?: string;
}

export function ErrorPage({ status, title, message }: Props) {
  return (
    <section className="error-page" role="alert">
      <p className="error-status">{status === 'offline' ? 'Offline' : status}</p>
      <h1>{title}</h1>
      {message && <p className="muted">{message}</p>}
      <p>
        <Link to="/">Go to the home page</Link>
        {status !== 404 && (
          <>
            {' '}
            or{' '}
            <button type="button" className="link-button" onClick={() => window.location.reload()}>
              try again
            </button>
          </>
        )}
      </p>
    </section>
  );
}

/** A list that failed to load: offline, or the server's own message (a list has nothing to be "not found"). */
export function ListErrorPage({ error, what }: { error: unknown; what: string }) {
  if (isNetworkFailure(error) || !navigator.onLine) {
    return (
      <ErrorPage
        status="offline"
        title="You are offline"
        message="Check your connection; this page loads again once you are back."
      />
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <ErrorPage
      status={error instanceof ApiError ? error.status : 500}
      title={`${what} could not be loaded`}
      message={message}
    />
  );
}

/** The right error page for a failed query: not found, offline, or a server failure. */
export function QueryErrorPage({ error, what }: { error: unknown; what: string }) {
  if (error instanceof ApiError && (error.status === 404 || error.code === 'NOT_FOUND')) {
    return (
      <ErrorPage
        status={404}
        title={`${what} not found`}
        message="It may have been removed, made private, or the link is wrong."
      />
    );
  }
  if (isNetworkFailure(error) || !navigator.onLine) {
    return (
      <ErrorPage
        status="offline"
        title="You are offline"
        message="Check your connection; this page loads again once you are back."
      />
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <ErrorPage status={error instanceof ApiError ? error.status : 500} title="Something went wrong" message={message} />
  );
}
