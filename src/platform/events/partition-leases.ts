import type { Redis } from 'ioredis';
import { HEARTBEAT_SCRIPT, RELEASE_SCRIPT, RENEW_SCRIPT, type StreamKeys } from './redis-streams.ts';

/**
 * One consumer instance's membership and partition leases in Redis: who is alive (a sorted set scored
 * by heartbeat expiry) and which instance reads which partition (a key per partition, with a PX lease).
 * Every write is checked against our instance id, so a lease another instance took is never touched.
 */
export class PartitionLeases {
  constructor(
    private readonly commands: Redis,
    private readonly keys: StreamKeys,
    private readonly consumer: string,
    private readonly instanceId: string,
  ) {}

  /** Records that we are alive for `leaseMs`; resolves with how many instances are. */
  async heartbeat(leaseMs: number): Promise<number> {
    return Number(
      await this.commands.eval(HEARTBEAT_SCRIPT, 1, this.keys.members(this.consumer), this.instanceId, leaseMs),
    );
  }

  /** False when the partition is no longer ours (the lease ran out and another instance took it). */
  async renew(partition: number, leaseMs: number): Promise<boolean> {
    return (
      Number(
        await this.commands.eval(RENEW_SCRIPT, 1, this.keys.owner(this.consumer, partition), this.instanceId, leaseMs),
      ) > 0
    );
  }

  /** True when the partition was free and is now ours. */
  async take(partition: number, leaseMs: number): Promise<boolean> {
    return (
      (await this.commands.set(this.keys.owner(this.consumer, partition), this.instanceId, 'PX', leaseMs, 'NX')) ===
      'OK'
    );
  }

  async release(partition: number): Promise<void> {
    await this.commands.eval(RELEASE_SCRIPT, 1, this.keys.owner(this.consumer, partition), this.instanceId);
  }

  async leave(): Promise<void> {
    await this.commands.zrem(this.keys.members(this.consumer), this.instanceId);
  }
}
