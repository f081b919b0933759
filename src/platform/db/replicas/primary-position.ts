import type pg from 'pg';
import { insertedEnd, parseLsn, type WalLayout } from './lsn.ts';

/**
 * The primary's WAL position that covers every commit that has returned: read-your-writes marks and
 * the replicas' lag are measured against it. Not pg_current_wal_lsn(): that is what has been written
 * so far, and with synchronous_commit off a commit returns before its record is written, so a replica
 * at that position could still miss it. The insert position covers it.
 */
export function primaryWalPosition(pool: pg.Pool): () => Promise<bigint> {
  let layout: Promise<WalLayout> | undefined;
  return async () => {
    layout ??= readWalLayout(pool).catch((error: unknown) => {
      layout = undefined;
      throw error;
    });
    const { rows } = await pool.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
    return insertedEnd(parseLsn(rows[0]!.lsn), await layout);
  };
}

async function readWalLayout(pool: pg.Pool): Promise<WalLayout> {
  const { rows } = await pool.query<{ block: string; segment: string }>(
    `select (select setting from pg_settings where name = 'wal_block_size') as block,
            (select setting from pg_settings where name = 'wal_segment_size') as segment`,
  );
  return { blockSize: BigInt(rows[0]!.block), segmentSize: BigInt(rows[0]!.segment) };
}
