import { EntitySchema } from '@mikro-orm/postgresql';

/** How a notification leaves the service. The in-app inbox needs no delivery: it is the escalation's recipients. */
export const CHANNELS = ['email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/** `pending` until delivered (`sent`) or given up after the last attempt (`failed`, can be retried). */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One message in the outbox: written, complete, in the transaction that raised the escalation, so
 * a crash cannot lose it; delivered afterwards by the relay, which retries with backoff. The unique
 * key (escalation, channel, target) means one message per address (or webhook) and level.
 *
 * GDPR: `target` holds an e-mail address only as long as the row lives; logs never show it.
 */
export class NotificationRecord {
  id!: string;
  escalationId!: string;
  caseId!: string;
  channel!: Channel;
  /** The person an e-mail is for (null for a webhook). */
  recipientId!: string | null;
  /** The role(s) the recipient was told in, for logs and the outbox view. */
  recipientRoles!: string[];
  /** E-mail address (lower-case) or webhook URL. */
  target!: string;
  /** E-mail subject (null for a webhook). */
  subject!: string | null;
  /** E-mail text, or the webhook's JSON exactly as it is signed and sent. */
  body!: string;
  status!: NotificationStatus;
  attempts!: number;
  /** Not before then: the next retry, or the end of the lease of the relay that is sending it now. */
  nextAttemptAt!: Date;
  /** Why the last attempt failed (e-mail addresses removed). */
  lastError!: string | null;
  /** `smtp`, `log` (no SMTP configured) or `http`. */
  deliveredVia!: string | null;
  createdAt!: Date;
  sentAt!: Date | null;
}

export const NotificationSchema = new EntitySchema<NotificationRecord>({
  class: NotificationRecord,
  tableName: 'notifications',
  properties: {
    id: { type: 'uuid', primary: true },
    escalationId: { type: 'uuid' },
    caseId: { type: 'uuid' },
    channel: { type: 'text' },
    recipientId: { type: 'uuid', nullable: true },
    recipientRoles: { type: 'json', columnType: 'jsonb' },
    target: { type: 'text' },
    subject: { type: 'text', nullable: true },
    body: { type: 'text' },
    status: { type: 'text' },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime', columnType: 'timestamptz' },
    lastError: { type: 'text', nullable: true },
    deliveredVia: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    sentAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
  },
});
