import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ChatMessageStatus } from '../tables.ts';

export interface ChatRow {
  streamId: string;
  authorId: string;
  body: string;
  status: ChatMessageStatus;
  offsetMs: number;
}

interface Pending {
  row: ChatRow;
  resolve(stored: { id: string; createdAt: string }): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 500;

/**
 * Group commit for chat history: a message is written at once when no write is in flight; messages
 * that arrive while one is in flight wait for it and then go in together, as one multi-row INSERT.
 * At low rates every message is its own round trip (no added delay); under load the number of round
 * trips stays about constant however many messages arrive. Ids come from the table's sequence, in
 * the order of the VALUES list, so they stay increasing in send order.
 */
export class ChatWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<DB>) {}

  write(row: ChatRow): Promise<{ id: string; createdAt: string }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const stored = await this.db
            .insertInto('live_chat_messages')
            .values(
              batch.map(({ row }) => ({
                stream_id: row.streamId,
                author_id: row.authorId,
                body: row.body,
                status: row.status,
                offset_ms: row.offsetMs,
              })),
            )
            .returning(['id', 'created_at'])
            .execute();
          // nextval runs in VALUES order: the ascending ids belong to the rows in order.
          stored.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
          batch.forEach((pending, index) => {
            const row = stored[index]!;
            pending.resolve({ id: String(row.id), createdAt: new Date(row.created_at).toISOString() });
          });
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
