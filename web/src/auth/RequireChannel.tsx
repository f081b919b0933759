import { useState, type ReactNode } from 'react';
import { useAuth } from './auth-context.tsx';
import { RequireSignIn } from './RequireSignIn.tsx';

/**
 * Shows its children to accounts with a channel (creators and admins); a signed-in viewer is offered to
 * open one first, since the API refuses a viewer's uploads, streams, classes and courses. Guests are asked to sign in.
 */
export function RequireChannel({ children, what, purpose }: { children: ReactNode; what: string; purpose: string }) {
  return (
    <RequireSignIn what={what}>
      <ChannelGate purpose={purpose}>{children}</ChannelGate>
    </RequireSignIn>
  );
}

/** `purpose` completes "Open your channel …", e.g. "to upload". */
function ChannelGate({ children, purpose }: { children: ReactNode; purpose: string }) {
  const { user } = useAuth();
  if (user?.role === 'viewer') return <OpenChannel purpose={purpose} />;
  return <>{children}</>;
}

function OpenChannel({ purpose }: { purpose: string }) {
  const { becomeCreator } = useAuth();
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="sign-in-prompt">
      <h1>Open your channel {purpose}</h1>
      <p className="muted">
        Your account can watch and comment; a channel lets you publish videos, stream and teach too.
      </p>
      <button
        type="button"
        className="button primary"
        onClick={() => becomeCreator().catch((caught: Error) => setError(caught.message))}
      >
        Open my channel
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
