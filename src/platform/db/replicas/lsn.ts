/** A PostgreSQL WAL position ("16/B374D848") as a number that compares in WAL order. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split('/');
  if (high === undefined || low === undefined) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** The primary's WAL page and segment sizes (`wal_block_size`, `wal_segment_size`), in bytes. */
export interface WalLayout {
  blockSize: bigint;
  segmentSize: bigint;
}

/** Page header sizes on 64-bit builds: a segment's first page has the long header. */
const SHORT_PAGE_HEADER = 24n;
const LONG_PAGE_HEADER = 40n;

/**
 * The end of the last record inserted, from `pg_current_wal_insert_lsn()`. That is where the next record
 * goes, so on an empty page (after a segment switch, or when the last record filled its page) it points
 * past the page header, a position a replica's replay never reports. Such a position is moved back to
 * the page start, where a replica that replayed everything stands.
 */
export function insertedEnd(insertLsn: bigint, { blockSize, segmentSize }: WalLayout): bigint {
  if (insertLsn % segmentSize === LONG_PAGE_HEADER) return insertLsn - LONG_PAGE_HEADER;
  if (insertLsn % blockSize === SHORT_PAGE_HEADER) return insertLsn - SHORT_PAGE_HEADER;
  return insertLsn;
}
