import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from './auth-context.tsx';
import { PageSkeleton } from '../components/Skeletons.tsx';

/** Shows its children to signed-in users, and a sign-in prompt (returning here afterwards) to guests. */
export function RequireSignIn({ children, what }: { children: ReactNode; what: string }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageSkeleton />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <section className="sign-in-prompt">
        <h1>Sign in to see {what}</h1>
        <p>
          <Link className="button primary" to={`/login?next=${next}`}>
            Sign in
          </Link>{' '}
          or <Link to={`/register?next=${next}`}>create an account</Link>
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
