import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Interval } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/tokens.js';
import { SoloRun } from '../common/solo-run.js';
import { LogMailSender, SmtpMailSender, type MailSender } from './mail-sender.js';
import { NotificationRecord } from './notification.entity.js';
import { CLAIM_LEASE_MS, retryDelayMs } from './retry.js';
import { postWebhook } from './webhook-sender.js';

/** Messages one run delivers at most, so that a tick ends; the rest wait for the next. */
const MAX_PER_RUN = 200;

/** What a relay run did. */
export interface RelayOutcome {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers the outbox. Every instance runs it; the database decides who sends what: a message is
 * claimed alone with `FOR UPDATE SKIP LOCKED`, and the claim (`next_attempt_at` moved a lease
 * ahead, `attempts` counted up) is committed before anything is sent, so no other instance takes
 * it while it is being sent, and one that crashes leaves it to be taken again when the lease ends.
 *
 * A message is marked sent right after the server accepted it. The one window for a duplicate is a
 * crash between the two; the Message-ID (e-mail) and `X-Samverkan-Delivery` (webhook) stay the same
 * on every attempt, so a receiver can recognise it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly mail: MailSender;
  private readonly solo = new SoloRun(this.logger, 'outbox run');

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.mail = config.smtp ? new SmtpMailSender(config.smtp) : new LogMailSender();
  }

  @Interval('outbox', 15_000)
  async tick(): Promise<void> {
    await this.solo.tick(() => this.run());
  }

  /** Delivers what is due now, one message at a time. */
  async run(): Promise<RelayOutcome> {
    const outcome: RelayOutcome = { sent: 0, retrying: 0, failed: 0 };
    for (let i = 0; i < MAX_PER_RUN; i++) {
      const message = await this.claimNext();
      if (!message) break;
      outcome[await this.deliver(message)]++;
    }
    return outcome;
  }

  /**
   * Claims the next due message for this instance (committed at once), or null when none is due.
   * Exposed for the crash tests: a claim whose instance dies is taken over when its lease ends.
   */
  async claimNext(): Promise<NotificationRecord | null> {
    const now = this.clock.now();
    const em = this.orm.em.fork();
    const rows = await em.getConnection().execute<Array<{ id: string }>>(
      `update notifications set next_attempt_at = ?, attempts = attempts + 1
        where id = (select id from notifications where status = 'pending' and next_attempt_at <= ?
                     order by next_attempt_at, id limit 1 for update skip locked)
        returning id`,
      [new Date(now.getTime() + CLAIM_LEASE_MS), now],
    );
    return rows[0] ? em.findOneOrFail(NotificationRecord, { id: rows[0].id }) : null;
  }

  onApplicationShutdown(): void {
    this.mail.close();
  }

  private async deliver(n: NotificationRecord): Promise<'sent' | 'retrying' | 'failed'> {
    const what = `${n.channel} ${n.id} (escalation ${n.escalationId}, to the ${n.recipientRoles.join('/')})`;
    // `attempts` is the claim's fencing token: only the claim that made the attempt records its outcome.
    const claim = { id: n.id, status: 'pending' as const, attempts: n.attempts };
    let via: string;
    try {
      via = await this.send(n);
    } catch (error) {
      const reason = redact(describe(error));
      const failed = n.attempts >= this.config.notifyMaxAttempts;
      const next = new Date(this.clock.now().getTime() + retryDelayMs(n.attempts));
      await this.orm.em.fork().nativeUpdate(NotificationRecord, claim, { status: failed ? 'failed' : 'pending', nextAttemptAt: next, lastError: reason });
      this.logger.warn(
        `${what}: attempt ${n.attempts} of ${this.config.notifyMaxAttempts} failed (${reason})${failed ? '; given up, retry it with POST /outbox/:id/retry' : `; next attempt at ${next.toISOString()}`}`,
      );
      return failed ? 'failed' : 'retrying';
    }
    // Should this fail (the database gone), the run fails and the lease lets the message go again:
    // the one window for a second copy, with the same Message-ID / delivery id.
    await this.orm.em.fork().nativeUpdate(NotificationRecord, claim, { status: 'sent', sentAt: this.clock.now(), deliveredVia: via, lastError: null });
    this.logger.log(`delivered ${what} via ${via}`);
    return 'sent';
  }

  private async send(n: NotificationRecord): Promise<string> {
    if (n.channel === 'email') {
      await this.mail.send({ id: n.id, to: n.target, subject: n.subject ?? '', text: n.body, roles: n.recipientRoles, caseId: n.caseId });
      return this.mail.via;
    }
    const secret = this.config.webhooks?.secret;
    if (!secret) throw new Error('WEBHOOK_SECRET is not configured, so the webhook cannot be signed');
    await postWebhook(n.target, n.body, n.id, secret);
    return 'http';
  }
}

/** An error in one line, with the network cause `fetch` hides in `cause`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  return [
    error.message,
    cause && cause.message !== error.message ? cause.message : undefined,
    typeof code === 'string' && !error.message.includes(code) ? code : undefined,
  ]
    .filter(Boolean)
    .join(': ')
    .slice(0, 500);
}

/** Mail servers quote addresses in their errors; the outbox and the logs keep none (GDPR). */
export function redact(text: string): string {
  return text.replace(/[^\s<>"',;:()[\]]+@[^\s<>"',;:()[\]]+/g, '<address>');
}
