import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe; kept with the message by the database mailer. */
  headers?: Record<string, string>;
}

/** Outgoing mail. SMTP when configured; otherwise kept in the database for an admin to read. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export class DatabaseMailer implements Mailer {
  constructor(private readonly db: Kysely<DB>) {}

  async send(message: MailMessage): Promise<void> {
    await this.db
      .insertInto('mail_messages')
      .values({
        to_address: message.to,
        subject: message.subject,
        text_body: message.text,
        headers: JSON.stringify(message.headers ?? {}),
      })
      .execute();
  }
}

/** nodemailer is loaded only when SMTP is configured: the embedded default keeps mail in the database. */
export async function createMailer(options: { smtpUrl?: string; from: string; db: Kysely<DB> }): Promise<Mailer> {
  if (!options.smtpUrl) return new DatabaseMailer(options.db);
  const { SmtpMailer } = await import('./smtp-mailer.ts');
  return new SmtpMailer(options.smtpUrl, options.from);
}
