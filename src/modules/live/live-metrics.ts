import { Gauge, type Registry } from 'prom-client';
import type { ChatHub } from './chat/chat-hub.ts';

/**
 * Viewers of live streams and premieres connected to this process (their chat sockets), and the rooms
 * they are in: the cluster's figures are sums over processes. No per-stream label, so the number of
 * series stays bounded however many streams come and go (the ops console lists streams by name).
 */
export function installLiveViewerMetric(registry: Registry, hub: ChatHub): void {
  new Gauge({
    name: 'streamhub_live_viewers',
    help: 'Viewers of live streams and premieres connected to this process (sum over processes for the total)',
    registers: [registry],
    collect() {
      this.set([...hub.localViewers().values()].reduce((sum, viewers) => sum + viewers, 0));
    },
  });
  new Gauge({
    name: 'streamhub_live_rooms',
    help: 'Live streams and premieres with at least one viewer connected to this process',
    registers: [registry],
    collect() {
      this.set(hub.localViewers().size);
    },
  });
}
