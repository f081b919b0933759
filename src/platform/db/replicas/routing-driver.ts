import type {
  CompiledQuery,
  DatabaseConnection,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { currentReplicaReadContext, type ReplicaReadContext } from './read-context.ts';
import type { ReplicaSet } from './replica-set.ts';

/** Reads only: a statement that writes, locks or sets anything stays on the primary. */
const WRITES_OR_LOCKS =
  /\b(insert\s+into|update\s+"?[\w.]+"?(\s+as\s+\w+)?\s+set|delete\s+from|for\s+(no\s+key\s+)?update|for\s+(key\s+)?share|nextval|setval|pg_(try_)?advisory\w*|set_config|pg_notify)\b/i;

export function isReplicaSafe(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind !== 'SelectQueryNode' && kind !== 'RawNode') return false;
  return /^\s*(select|with)\b/i.test(query.sql) && !WRITES_OR_LOCKS.test(query.sql);
}

export type RoutedRead = (target: 'replica' | 'primary') => void;

/**
 * A connection handed out inside a replica-read context: plain reads go to a replica when one is
 * usable; anything else, and every statement of a transaction, takes a primary connection (acquired
 * only then, so a request answered from the replica holds no primary connection at all).
 */
class RoutedConnection implements DatabaseConnection {
  inTransaction = false;
  private primaryConnection: DatabaseConnection | undefined;

  constructor(
    private readonly primary: Driver,
    private readonly replicas: ReplicaSet,
    private readonly context: ReplicaReadContext,
    private readonly onRead: RoutedRead,
  ) {}

  async primaryOnce(): Promise<DatabaseConnection> {
    this.primaryConnection ??= await this.primary.acquireConnection();
    return this.primaryConnection;
  }

  get acquiredPrimary(): DatabaseConnection | undefined {
    return this.primaryConnection;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.inTransaction && isReplicaSafe(query)) {
      const replica = this.replicas.pick(this.context.minLsn);
      if (replica) {
        try {
          const result = await replica.pool.query(query.sql, [...query.parameters]);
          this.onRead('replica');
          return { rows: result.rows as R[] };
        } catch (error) {
          // A replica that went away (or cancelled the read on a recovery conflict) must not fail the request.
          this.replicas.reportFailure(replica.name, error);
        }
      }
    }
    this.onRead('primary');
    return (await this.primaryOnce()).executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    yield* (await this.primaryOnce()).streamQuery<R>(query, chunkSize);
  }
}

/** The primary's driver, with reads inside a replica-read context (read-context.ts) routed to the replicas. */
export class RoutingDriver implements Driver {
  constructor(
    private readonly primary: Driver,
    private readonly replicas: ReplicaSet,
    private readonly onRead: RoutedRead = () => undefined,
  ) {}

  async init(): Promise<void> {
    await this.primary.init();
    this.replicas.start();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const context = currentReplicaReadContext();
    if (!context) return this.primary.acquireConnection();
    return new RoutedConnection(this.primary, this.replicas, context, this.onRead);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (connection instanceof RoutedConnection) connection.inTransaction = true;
    await this.primary.beginTransaction(await this.unwrap(connection), settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.primary.commitTransaction(await this.unwrap(connection));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.primary.rollbackTransaction(await this.unwrap(connection));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.primary.savepoint!(await this.unwrap(connection), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.primary.rollbackToSavepoint!(await this.unwrap(connection), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.primary.releaseSavepoint!(await this.unwrap(connection), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if (!(connection instanceof RoutedConnection)) return this.primary.releaseConnection(connection);
    const held = connection.acquiredPrimary;
    if (held) await this.primary.releaseConnection(held);
  }

  async destroy(): Promise<void> {
    await this.replicas.close();
    await this.primary.destroy();
  }

  private async unwrap(connection: DatabaseConnection): Promise<DatabaseConnection> {
    return connection instanceof RoutedConnection ? connection.primaryOnce() : connection;
  }
}
