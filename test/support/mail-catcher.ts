import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the SMTP server received, parsed. */
export interface CaughtMail {
  /** Envelope recipients, as the client gave them in RCPT TO. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
}

/** A real SMTP server in the test process. */
export interface MailCatcher {
  port: number;
  /** `SMTP_URL` for the service. */
  url: string;
  messages: CaughtMail[];
  close(): Promise<void>;
}

/**
 * Starts a real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps every message it
 * accepts. A message is parsed and kept before the server answers 250, so once the client's send
 * has resolved the message is in `messages`: no waiting needed. STARTTLS is off (no certificate on
 * a loopback test server); anything else is the real protocol.
 */
export async function startMailCatcher(port = 0): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
