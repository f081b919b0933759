import { isServerUnavailableState, sqlState } from './pg-errors.ts';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/**
 * True for errors that say the database is down, restarting, out of connections, or that the pool could
 * not hand out a connection in time: the request may succeed if retried, so clients get 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = sqlState(error);
  if (code !== undefined && (isServerUnavailableState(code) || NETWORK_CODES.has(code))) return true;
  // node-postgres' pool reports an acquire timeout and a dropped connection only through the message.
  return /timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
}
