import { ROLE_TITLES, type CaseRole } from '../definitions/roles.js';
import type { LocalDate } from '../calendar/working-days.js';
import type { Sla } from '../definitions/workflow-types.js';

/**
 * What an escalation says, as the notifications render it: the case, the step, the deadline and
 * how it stands, and what blocks the case (from the gate explanation). Built once, in the
 * transaction that raises the escalation, so every channel tells the same story.
 *
 * GDPR: no names or e-mail addresses; recipients are named by role.
 */
export interface EscalationNotice {
  escalationId: string;
  case: { id: string; title: string; workflow: { id: string; version: number } };
  /** The step (state) with its Swedish title. */
  step: { id: string; title: string };
  level: { name: string; rung: number; of: number; title?: string };
  deadline: { dueOn: LocalDate; dueAt: string; sla: Sla };
  /** How the deadline stood when the level fired. */
  overdue: boolean;
  workingDaysLeft: number;
  firedAt: string;
  notifiedRoles: string[];
  /** Roles of the level that nobody held. */
  unfilledRoles: string[];
  /** For each gated event the case's step accepts: the conditions that are not met (Swedish). */
  blocking: BlockingGate[];
}

/** The unmet conditions of one way forward. */
export interface BlockingGate {
  event: string;
  title?: string;
  failures: Array<{ rule: string; message: string; responsible?: string }>;
}

/** An e-mail, ready to send. */
export interface MailContent {
  subject: string;
  text: string;
}

/** The JSON body of a webhook, exactly as it is signed and sent. */
export interface WebhookPayload {
  /** The delivery's id: the same on every retry, so a receiver can drop a duplicate. */
  id: string;
  type: 'escalation.raised';
  occurredAt: string;
  escalation: { id: string; level: string; rung: number; title?: string };
  case: EscalationNotice['case'];
  step: EscalationNotice['step'];
  deadline: EscalationNotice['deadline'];
  overdue: boolean;
  workingDaysLeft: number;
  notifiedRoles: string[];
  unfilledRoles: string[];
  blocking: BlockingGate[];
}

/**
 * The e-mail to someone told of an escalation in `roles`, in Swedish. Pure.
 *
 * Dates are absolute (the mail may be read, or delivered after a retry, days later).
 */
export function escalationMail(notice: EscalationNotice, roles: readonly string[]): MailContent {
  const kind = notice.level.title ?? (notice.overdue ? 'Eskalering' : 'Påminnelse');
  const subject = `${kind}: ${notice.case.title} – ${notice.step.title} ${headline(notice)}`;
  const lines = [
    'Hej,',
    '',
    `du får det här meddelandet som ${listSv(roles.map(roleSv))} i samverkan "${notice.case.title}".`,
    '',
    `Steg: ${notice.step.title}`,
    `Frist: ${longDate(notice.deadline.dueOn)} (${slaSv(notice.deadline.sla)})`,
    `Läge ${dayOf(notice.firedAt)}: ${standing(notice)}`,
    `Nivå: ${kind} (${notice.level.rung + 1} av ${notice.level.of})`,
  ];
  if (notice.unfilledRoles.length) {
    lines.push(`Ingen innehar rollen ${listSv(notice.unfilledRoles.map(roleSv))} i ärendet, så den har inte fått meddelandet.`);
  }
  lines.push('', ...blockingText(notice.blocking), '');
  lines.push(`Ärende: ${notice.case.id}`);
  lines.push(`Eskalering: ${notice.escalationId} (en chef kvitterar den i Samverkan)`);
  lines.push('', 'Meddelandet skickades automatiskt av Samverkan.');
  return { subject, text: `${lines.join('\n')}\n` };
}

/** The webhook body of an escalation. Pure. */
export function escalationWebhook(deliveryId: string, notice: EscalationNotice): WebhookPayload {
  return {
    id: deliveryId,
    type: 'escalation.raised',
    occurredAt: notice.firedAt,
    escalation: { id: notice.escalationId, level: notice.level.name, rung: notice.level.rung, ...(notice.level.title ? { title: notice.level.title } : {}) },
    case: notice.case,
    step: notice.step,
    deadline: notice.deadline,
    overdue: notice.overdue,
    workingDaysLeft: notice.workingDaysLeft,
    notifiedRoles: notice.notifiedRoles,
    unfilledRoles: notice.unfilledRoles,
    blocking: notice.blocking,
  };
}

function headline(n: EscalationNotice): string {
  if (!n.overdue) return `ska vara klart ${shortDate(n.deadline.dueOn)}`;
  const late = -n.workingDaysLeft;
  return late === 0 ? 'har passerat fristen' : `är ${days(late)} försenat`;
}

function standing(n: EscalationNotice): string {
  if (n.overdue) {
    const late = -n.workingDaysLeft;
    return late === 0 ? 'fristen har just passerats.' : `fristen passerades för ${days(late)} sedan.`;
  }
  return n.workingDaysLeft === 0 ? 'fristen går ut vid dagens slut.' : `${days(n.workingDaysLeft)} kvar till fristen.`;
}

function blockingText(blocking: readonly BlockingGate[]): string[] {
  const open = blocking.filter((b) => b.failures.length);
  if (!open.length) return ['Villkoren för att gå vidare är uppfyllda: ärendet väntar på att någon för det vidare.'];
  const lines = ['Det här hindrar ärendet från att gå vidare:'];
  for (const gate of open) {
    lines.push(`${gate.title ?? gate.event} (${gate.event}):`);
    for (const f of gate.failures) lines.push(`  – ${f.message}${f.responsible ? ` (ansvarig: ${roleSv(f.responsible)})` : ''}`);
  }
  return lines;
}

function days(n: number): string {
  return n === 1 ? '1 arbetsdag' : `${n} arbetsdagar`;
}

function slaSv(sla: Sla): string {
  if ('workingDays' in sla) return sla.workingDays === 1 ? '1 arbetsdag' : `${sla.workingDays} arbetsdagar`;
  if ('calendarDays' in sla) return sla.calendarDays === 1 ? '1 kalenderdag' : `${sla.calendarDays} kalenderdagar`;
  return sla.hours === 1 ? '1 timme' : `${sla.hours} timmar`;
}

function roleSv(role: string): string {
  return ROLE_TITLES[role as CaseRole]?.sv.toLowerCase() ?? role;
}

function listSv(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

const LONG = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const DAY_IN_STOCKHOLM = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' });

/** "onsdag 24 juni 2026" (a calendar date: read at noon UTC so no time zone moves it). */
function longDate(date: LocalDate): string {
  return LONG.format(new Date(`${date}T12:00:00Z`));
}

function shortDate(date: LocalDate): string {
  return SHORT.format(new Date(`${date}T12:00:00Z`));
}

function dayOf(instant: string): string {
  return DAY_IN_STOCKHOLM.format(new Date(instant));
}
