import type { Server } from 'node:http';

/**
 * Reads each connection's peer address as it is accepted. Node caches it on the socket, so
 * `request.ip` stays defined for the whole request even after the client hangs up. Without this, a
 * client that disconnects while an earlier async hook runs (the bearer-token check) leaves the
 * address undefined, and the rate limiter's key generator (`normalizeIP(request.ip)`) throws: an
 * error log and a 500 for a request nobody is waiting for. One getpeername per connection, not per request.
 */
export function rememberClientAddresses(server: Server): void {
  server.on('connection', (socket: { remoteAddress?: string }) => {
    void socket.remoteAddress;
  });
}
