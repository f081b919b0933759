import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { inTransaction, type Executor } from '../db/transaction.ts';
import { ErrorCode } from '../http/error-codes.ts';
import { AppError } from '../http/errors.ts';

/**
 * Idempotency-Key handling for every POST that creates something: one table (`idempotency_keys`), one
 * request-hash rule (SHA-256 of the request's JSON) and one error (409 IDEMPOTENCY_KEY_REUSED).
 * A key belongs to a user and a scope (the kind of request), so two users, or one user creating a
 * video and a playlist, never collide.
 */

/** The `Idempotency-Key` request header, for a route's `headers` schema. */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe(
      'Makes a retry safe: the same key (per user) answers what the first request created, header Idempotent-Replayed: true',
    ),
});

/** Tells the client its request was answered from an earlier one with the same key. */
export function markReplayed(reply: FastifyReply, replayed: boolean): void {
  if (replayed) reply.header('idempotent-replayed', 'true');
}

/** A request made with an Idempotency-Key. */
export interface IdempotentRequest {
  scope: string;
  userId: string;
  key: string;
  requestHash: string;
}

/** The one request-hash rule: what identifies "the same request" is its JSON (body, plus any path target). */
export function hashRequest(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/** Undefined without a key, so callers can pass the header straight through. */
export function idempotentRequest(
  scope: string,
  userId: string,
  key: string | undefined,
  request: unknown,
): IdempotentRequest | undefined {
  return key === undefined ? undefined : { scope, userId, key, requestHash: hashRequest(request) };
}

export const idempotencyKeyReused = () =>
  new AppError(
    409,
    ErrorCode.IDEMPOTENCY_KEY_REUSED,
    'This Idempotency-Key was already used with a different request body',
  );

/** The first request with this key is still creating its resource: the client retries in a moment. */
export const idempotentRequestInProgress = () =>
  new AppError(
    409,
    ErrorCode.REQUEST_IN_PROGRESS,
    'A request with this Idempotency-Key is still being processed; retry in a moment',
    undefined,
    {
      'retry-after': '1',
    },
  );

/** Thrown inside the creating transaction when a concurrent request holds the key: rolls the creation back. */
export class IdempotencyKeyTakenError extends Error {
  constructor() {
    super('idempotency key already taken');
    this.name = 'IdempotencyKeyTakenError';
  }
}

/**
 * The id of what an earlier request with this key created, or undefined for a new key. The same key with
 * a different request is a client bug: 409 IDEMPOTENCY_KEY_REUSED.
 */
export async function findIdempotentResource(db: Executor, request: IdempotentRequest): Promise<string | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['resource_id', 'request_hash'])
    .where('user_id', '=', request.userId)
    .where('scope', '=', request.scope)
    .where('idempotency_key', '=', request.key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== request.requestHash) throw idempotencyKeyReused();
  return row.resource_id;
}

/**
 * The claim of a key for `resourceId` as one statement: it answers one row when this request claimed
 * the key, none when another request holds it (waiting for that one's transaction to end first). A
 * caller may embed it in a larger statement, so the claim and the creation commit together.
 */
export function idempotencyClaim(db: Executor, request: IdempotentRequest, resourceId: string) {
  return db
    .insertInto('idempotency_keys')
    .values({
      user_id: request.userId,
      scope: request.scope,
      idempotency_key: request.key,
      request_hash: request.requestHash,
      resource_id: resourceId,
    })
    .onConflict((conflict) => conflict.columns(['user_id', 'scope', 'idempotency_key']).doNothing())
    .returning('resource_id');
}

/**
 * Records that this key creates `resourceId`, inside the creating transaction and before the creation,
 * so a concurrent request with the same key waits for this one to commit, then finds the key taken
 * (IdempotencyKeyTakenError) and replays instead of creating a second resource.
 */
export async function claimIdempotencyKey(
  trx: Transaction<DB>,
  request: IdempotentRequest,
  resourceId: string,
): Promise<void> {
  const claimed = await idempotencyClaim(trx, request, resourceId).executeTakeFirst();
  if (!claimed) throw new IdempotencyKeyTakenError();
}

/** Forgets a key whose resource no longer exists, so the next request with it creates anew. */
async function releaseIdempotencyKey(db: Executor, request: IdempotentRequest, resourceId: string): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', request.userId)
    .where('scope', '=', request.scope)
    .where('idempotency_key', '=', request.key)
    .where('resource_id', '=', resourceId)
    .execute();
}

/** Forgets keys older than `olderThanMs` (the retention job); answers how many. */
export async function pruneIdempotencyKeys(db: Executor, olderThanMs: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface IdempotentCreation<T> {
  /** Creates the resource with this id, inside the transaction that claims the key. */
  create(trx: Transaction<DB>, id: string): Promise<T>;
  /** The resource an earlier request created, or undefined when it is gone. */
  load(id: string): Promise<T | undefined>;
}

/**
 * Creates once per key: without a key it just creates; with one, a repeat of the request (even a
 * concurrent one) answers what the first created (`replayed: true`), and a different request with the
 * key is a 409.
 */
export async function createIdempotently<T>(
  db: Executor,
  request: IdempotentRequest | undefined,
  creation: IdempotentCreation<T>,
): Promise<{ value: T; replayed: boolean }> {
  if (!request) return { value: await inTransaction(db, (trx) => creation.create(trx, randomUUID())), replayed: false };
  for (let attempt = 0; ; attempt += 1) {
    const earlier = await replay(db, request, creation);
    if (earlier !== undefined) return { value: earlier, replayed: true };
    try {
      const id = randomUUID();
      const value = await inTransaction(db, async (trx) => {
        await claimIdempotencyKey(trx, request, id);
        return creation.create(trx, id);
      });
      return { value, replayed: false };
    } catch (error) {
      // The winner of a race may be deleted before we read it: then the key is free again; try once more.
      if (!(error instanceof IdempotencyKeyTakenError) || attempt > 0) throw error;
    }
  }
}

/** What the key created, or undefined when the key is new (a key whose resource is gone is released). */
async function replay<T>(
  db: Executor,
  request: IdempotentRequest,
  creation: IdempotentCreation<T>,
): Promise<T | undefined> {
  const resourceId = await findIdempotentResource(db, request);
  if (resourceId === undefined) return undefined;
  const value = await creation.load(resourceId);
  if (value === undefined) await releaseIdempotencyKey(db, request, resourceId);
  return value;
}
