import type { QuotaSpentError } from './builder-api.ts';

/** "5 h 12 min", "12 min", "40 s": how long until the quota resets. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.ceil(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/** Shown instead of a generic error when the AI generator was refused for the daily token quota (429). */
export function QuotaNotice({ refusal, onOffline }: { refusal: QuotaSpentError; onOffline: () => void }) {
  const resetsAt = new Date(Date.now() + refusal.retryAfterSeconds * 1000);
  return (
    <div className="form-error quota-notice" role="alert">
      <p>Your daily AI generation quota is spent: {refusal.remainingTokens.toLocaleString('en')} tokens left today.</p>
      <p>
        Try the AI generator again in <strong>{formatWait(refusal.retryAfterSeconds)}</strong> (at{' '}
        {resetsAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}), or generate offline now.
      </p>
      <button type="button" className="button" onClick={onOffline}>
        Switch to offline
      </button>
    </div>
  );
}
