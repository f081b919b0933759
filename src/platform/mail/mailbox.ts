import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface StoredMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  createdAt: Date;
}

/** What the embedded mailer (DatabaseMailer) kept, newest first; for the admins' mailbox page. */
export async function listMailbox(db: Kysely<DB>, options: { limit: number; to?: string }): Promise<StoredMail[]> {
  let query = db.selectFrom('mail_messages').selectAll().orderBy('created_at', 'desc').limit(options.limit);
  if (options.to) query = query.where('to_address', '=', options.to);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    headers: row.headers,
    createdAt: row.created_at,
  }));
}
