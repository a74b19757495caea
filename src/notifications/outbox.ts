import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { Actor } from '../access/actor.js';
import { assertMayKeepOutbox } from '../access/policy.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { escalationMail, escalationWebhook, type EscalationNotice } from './escalation-message.js';
import { CasePartyRecord } from '../cases/party.entity.js';
import { isUuid } from '../common/uuid.js';
import { NotificationRecord, type Channel, type NotificationStatus } from './notification.entity.js';

/** Someone an escalation's e-mail goes to. */
export interface MailRecipient {
  personId: string;
  email: string | null;
  roles: string[];
}

/** Filters of the outbox list. */
export interface OutboxFilter {
  status?: NotificationStatus;
  channel?: Channel;
  caseId?: string;
  limit: number;
  offset: number;
}

/** Delivery counts of an escalation, by channel and status. */
export type DeliverySummary = Record<Channel, Record<NotificationStatus, number>>;

/**
 * The outbox: messages are written here in the transaction that raises an escalation, and the
 * relay ({@link OutboxRelay}) delivers them afterwards. Nothing here talks to a mail server.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Writes the messages of a raised escalation in the caller's transaction (through `em`; the
   * caller flushes): one e-mail per address, whoever holds it and in how many roles, and one
   * webhook per configured receiver. People without an e-mail address have the in-app inbox only.
   */
  enqueue(em: EntityManager, notice: EscalationNotice, recipients: readonly MailRecipient[], now: Date): NotificationRecord[] {
    const byAddress = new Map<string, { personId: string; roles: Set<string> }>();
    for (const r of recipients) {
      if (!r.email) continue;
      const address = r.email.trim().toLowerCase();
      const entry = byAddress.get(address) ?? { personId: r.personId, roles: new Set<string>() };
      for (const role of r.roles) entry.roles.add(role);
      byAddress.set(address, entry);
    }
    const base = {
      escalationId: notice.escalationId,
      caseId: notice.case.id,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      deliveredVia: null,
      createdAt: now,
      sentAt: null,
    };
    const out: NotificationRecord[] = [];
    for (const [address, { personId, roles }] of byAddress) {
      const mail = escalationMail(notice, [...roles]);
      out.push(
        em.create(NotificationRecord, {
          ...base,
          id: randomUUID(),
          channel: 'email',
          recipientId: personId,
          recipientRoles: [...roles],
          target: address,
          subject: mail.subject,
          body: mail.text,
        }),
      );
    }
    for (const url of this.config.webhooks?.urls ?? []) {
      const id = randomUUID();
      out.push(
        em.create(NotificationRecord, {
          ...base,
          id,
          channel: 'webhook',
          recipientId: null,
          recipientRoles: notice.notifiedRoles,
          target: url,
          subject: null,
          body: JSON.stringify(escalationWebhook(id, notice)),
        }),
      );
    }
    return out;
  }

  /** Delivery counts of each escalation (all zero for one without messages). */
  async summaries(escalationIds: readonly string[], em: EntityManager = this.orm.em.fork()): Promise<Map<string, DeliverySummary>> {
    const out = new Map(escalationIds.map((id) => [id, emptySummary()]));
    if (!escalationIds.length) return out;
    for (const n of await em.find(NotificationRecord, { escalationId: { $in: [...escalationIds] } }, { fields: ['escalationId', 'channel', 'status'] })) {
      out.get(n.escalationId)![n.channel][n.status]++;
    }
    return out;
  }

  /**
   * A page of the outbox, newest first, with the cases among them the actor may see: only for
   * those does the view show a message's subject, which names the case (see notificationView).
   * @throws DomainError FORBIDDEN
   */
  async list(filter: OutboxFilter, actor: Actor): Promise<{ items: NotificationRecord[]; total: number; readable: Set<string> }> {
    assertMayKeepOutbox(actor);
    const where: FilterQuery<NotificationRecord> = {};
    if (filter.status) where.status = filter.status;
    if (filter.channel) where.channel = filter.channel;
    if (filter.caseId) where.caseId = filter.caseId;
    const em = this.orm.em.fork();
    const [items, total] = await em.findAndCount(NotificationRecord, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      limit: filter.limit,
      offset: filter.offset,
    });
    return { items, total, readable: await this.readable(em, items, actor) };
  }

  /** The cases of these messages whose content the actor may read: those their organisation is party to. */
  async readable(em: EntityManager, items: readonly NotificationRecord[], actor: Actor): Promise<Set<string>> {
    const caseIds = [...new Set(items.map((n) => n.caseId))];
    if (!caseIds.length || !isUuid(actor.organisation)) return new Set();
    const parties = await em.find(CasePartyRecord, { caseId: { $in: caseIds }, organisationId: actor.organisation }, { fields: ['caseId'] });
    return new Set(parties.map((p) => p.caseId));
  }

  /**
   * Gives a failed message a new round of attempts, from now.
   * @throws DomainError FORBIDDEN, NOT_FOUND, UNPROCESSABLE (not failed)
   */
  async retry(id: string, actor: Actor): Promise<{ notification: NotificationRecord; readable: Set<string> }> {
    assertMayKeepOutbox(actor);
    const notification = await this.orm.em.fork().transactional(async (em) => {
      const n = await em.findOne(NotificationRecord, { id });
      if (!n) throw notFound('notification', id);
      if (n.status !== 'failed')
        throw new DomainError('UNPROCESSABLE', {
          sv: `Bara ett meddelande som inte kunde skickas kan skickas om; det här ${n.status === 'sent' ? 'är redan skickat' : 'väntar på att skickas'}.`,
          en: `only a failed notification can be retried; this one is ${n.status}`,
        });
      n.status = 'pending';
      n.attempts = 0;
      n.nextAttemptAt = this.clock.now();
      return n;
    });
    return { notification, readable: await this.readable(this.orm.em.fork(), [notification], actor) };
  }
}

function emptySummary(): DeliverySummary {
  return { email: { pending: 0, sent: 0, failed: 0 }, webhook: { pending: 0, sent: 0, failed: 0 } };
}

/**
 * An outbox row as the API shows it. E-mail addresses are not shown: the recipient is named by
 * person id and role. The subject names the case, so it is shown only where the case is
 * `readable` to the operator (their organisation is party to it); elsewhere it is null, as the
 * case is not found for them.
 */
export function notificationView(n: NotificationRecord, readable: ReadonlySet<string>) {
  return {
    id: n.id,
    escalationId: n.escalationId,
    caseId: n.caseId,
    channel: n.channel,
    recipient: n.channel === 'email' ? { personId: n.recipientId, roles: n.recipientRoles } : null,
    target: n.channel === 'webhook' ? n.target : null,
    subject: readable.has(n.caseId) ? n.subject : null,
    status: n.status,
    attempts: n.attempts,
    nextAttemptAt: n.status === 'pending' ? n.nextAttemptAt.toISOString() : null,
    lastError: n.lastError,
    deliveredVia: n.deliveredVia,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
  };
}
