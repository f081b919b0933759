import type { ColumnType } from 'kysely';

export interface IdempotencyKeysTable {
  user_id: string;
  scope: string;
  idempotency_key: string;
  request_hash: string;
  resource_id: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeysTable;
}
