import type { DomainEvent } from './event-bus.ts';
import type { RelayRow } from './event-store.ts';

/** Where the scale-out bus keeps things in Redis, under the caller's prefix (e.g. `streamhub:`). */
export class StreamKeys {
  constructor(
    private readonly prefix: string,
    readonly partitions: number,
  ) {}

  stream(partition: number): string {
    return `${this.prefix}events:p${partition}`;
  }

  /** Who reads `partition` for `consumer`: an instance id with a lease (PX). */
  owner(consumer: string, partition: number): string {
    return `${this.prefix}events:owner:${consumer}:p${partition}`;
  }

  /** Live instances of `consumer`: a sorted set scored by heartbeat expiry. */
  members(consumer: string): string {
    return `${this.prefix}events:members:${consumer}`;
  }

  partitionOf(key: string): number {
    return fnv1a(key) % this.partitions;
  }
}

/** 32-bit FNV-1a over UTF-8: stable across processes and versions, which partitioning needs. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The fields of a stream entry; `consumer` is set on a dead-letter replay meant for one consumer only. */
export function entryFields(row: RelayRow, consumer?: string): string[] {
  const fields = [
    'id',
    row.id,
    'topic',
    row.topic,
    'key',
    row.key,
    'payload',
    row.payloadJson,
    'createdAt',
    String(row.createdAt.getTime()),
  ];
  if (consumer !== undefined) fields.push('consumer', consumer);
  return fields;
}

export interface StreamEntry {
  streamId: string;
  event: DomainEvent;
  /** Only this consumer handles it (a replay); the others acknowledge and skip it. */
  onlyFor?: string;
}

/** Decodes one `[id, [field, value, ...]]` entry; null for a deleted or foreign entry. */
export function decodeEntry(raw: unknown): { streamId: string; entry: StreamEntry | null } | null {
  if (!Array.isArray(raw) || typeof raw[0] !== 'string') return null;
  const streamId = raw[0];
  const list = raw[1];
  if (!Array.isArray(list)) return { streamId, entry: null };
  const fields = new Map<string, string>();
  for (let index = 0; index + 1 < list.length; index += 2) fields.set(String(list[index]), String(list[index + 1]));
  const id = fields.get('id');
  const topic = fields.get('topic');
  const key = fields.get('key');
  const payload = fields.get('payload');
  const createdAt = Number(fields.get('createdAt'));
  if (!id || !topic || key === undefined || payload === undefined || !Number.isFinite(createdAt))
    return { streamId, entry: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { streamId, entry: null };
  }
  const onlyFor = fields.get('consumer');
  return {
    streamId,
    entry: {
      streamId,
      event: { id, topic, key, payload: parsed, createdAt: new Date(createdAt) },
      ...(onlyFor ? { onlyFor } : {}),
    },
  };
}

/** XREADGROUP's reply: `[[stream, [entry, ...]], ...]` or null on timeout. */
export function parseReadReply(reply: unknown): Array<{ stream: string; entries: unknown[] }> {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((item) =>
    Array.isArray(item) && typeof item[0] === 'string' && Array.isArray(item[1])
      ? [{ stream: item[0], entries: item[1] as unknown[] }]
      : [],
  );
}

/** Compares stream ids (`ms-seq`) numerically. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map((part) => BigInt(part));
  const [bMs = 0n, bSeq = 0n] = b.split('-').map((part) => BigInt(part));
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

/** Adds or refreshes this instance in the members set and returns how many instances are live (server clock). */
export const HEARTBEAT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('PEXPIRE', KEYS[1], ttl * 2)
return redis.call('ZCARD', KEYS[1])`;

/** Extends a lease only while we hold it. */
export const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Gives up a lease only if we still hold it. */
export const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
