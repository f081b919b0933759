import nodemailer, { type Transporter } from 'nodemailer';
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

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: message.headers ?? {},
    });
  }
}

export function createMailer(options: { smtpUrl?: string; from: string; db: Kysely<DB> }): Mailer {
  return options.smtpUrl ? new SmtpMailer(options.smtpUrl, options.from) : new DatabaseMailer(options.db);
}
