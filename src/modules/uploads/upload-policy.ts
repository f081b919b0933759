/** Where tus clients create uploads; an upload's own URL is `${TUS_ENDPOINT}/<uploadId>`. */
export const TUS_ENDPOINT = '/api/v1/uploads';

/** An upload not finished this long after it started is abandoned: the sweeper removes its bytes. */
export const UPLOAD_TTL_MS = 24 * 3600_000;

/** The window of the per-user daily upload count. */
export const QUOTA_WINDOW_MS = 24 * 3600_000;

/**
 * How long a finaliser may hold an upload before another caller may take over (the holder is
 * presumed dead). Generous: finalising a local upload copies the whole file into media storage.
 */
export const FINALISE_LEASE_MS = 15 * 60_000;
