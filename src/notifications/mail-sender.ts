import { Logger } from '@nestjs/common';
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config/app-config.js';

/** An e-mail from the outbox. */
export interface OutgoingMail {
  /** The outbox row's id: the Message-ID, the same on every retry. */
  id: string;
  to: string;
  subject: string;
  text: string;
  /** For the log, instead of the address. */
  roles: readonly string[];
  caseId: string;
}

/** Sends e-mail. `send` resolves when the server has accepted the message, and rejects otherwise. */
export interface MailSender {
  readonly via: 'smtp' | 'log';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** E-mail over SMTP (nodemailer), one connection per message, with timeouts far below the relay's lease. */
export class SmtpMailSender implements MailSender {
  readonly via = 'smtp';
  private readonly transport;
  private readonly domain: string;

  constructor(config: SmtpConfig) {
    this.transport = nodemailer.createTransport(
      { url: config.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 },
      { from: config.from },
    );
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'samverkan';
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // A stable Message-ID lets a mail system recognise a message sent again after a crash.
      messageId: `<${mail.id}@${this.domain}>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Without SMTP (`SMTP_URL` unset): the mail is written to the log, naming the recipient by role
 * only (GDPR), and counts as delivered. The in-app inbox has it anyway.
 */
export class LogMailSender implements MailSender {
  readonly via = 'log';
  private readonly logger = new Logger('Mail');

  async send(mail: OutgoingMail): Promise<void> {
    this.logger.log(`no SMTP_URL configured; e-mail ${mail.id} to the ${mail.roles.join('/')} of case ${mail.caseId}: "${mail.subject}"`);
  }

  close(): void {}
}
