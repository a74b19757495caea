import { addDays, addMonths, type LocalDate, type SwedishCalendar } from '../calendar/working-days.js';
import type { FieldProblem } from '../common/domain-error.js';
import type { LocalizedText } from '../common/i18n.js';
import type { RecordedDecisionStatus } from './decision.entity.js';

/** A board decision's status as shown: the recorded one, or "final" once the appeal window has passed. */
export type DecisionStatus = RecordedDecisionStatus | 'final';

/** Statuses in which the board has adopted the proposal. */
export const ADOPTED: ReadonlySet<DecisionStatus> = new Set(['decided', 'minutesApproved', 'announced', 'appealed', 'final']);

/**
 * The last day to appeal a decision (laglighetsprövning, Kommunallagen 13 kap. 5 §): three weeks
 * after the day the approval of the minutes was announced on the notice board (anslag). A period
 * that ends on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton ends on
 * the next working day instead (lagen (1930:173) om beräkning av lagstadgad tid). Pure.
 */
export function appealDeadline(announcedDate: LocalDate, calendar: SwedishCalendar): LocalDate {
  return calendar.onOrNextWorkingDay(addDays(announcedDate, 21));
}

/**
 * The status to show and decide on: an announced decision becomes final (laga kraft) the day
 * after its appeal deadline, if no appeal was recorded. Pure.
 */
export function effectiveStatus(decision: { status: RecordedDecisionStatus; appealDeadline: LocalDate | null }, today: LocalDate): DecisionStatus {
  if (decision.status === 'announced' && decision.appealDeadline && today > decision.appealDeadline) return 'final';
  return decision.status;
}

/** The first day a decision can be final, for "by when" in explanations. */
export function finalFrom(appealDeadlineDate: LocalDate | null): LocalDate | null {
  return appealDeadlineDate ? addDays(appealDeadlineDate, 1) : null;
}

/** The dates a status needs, in the order Kommunallagen gives: decided → minutes approved → announced. */
const REQUIRED_DATES: Record<RecordedDecisionStatus, Array<'meetingDate' | 'minutesApprovedDate' | 'announcedDate'>> = {
  proposed: [],
  rejected: ['meetingDate'],
  decided: ['meetingDate'],
  minutesApproved: ['meetingDate', 'minutesApprovedDate'],
  announced: ['meetingDate', 'minutesApprovedDate', 'announcedDate'],
  appealed: ['meetingDate', 'minutesApprovedDate', 'announcedDate'],
};

type DateField = 'meetingDate' | 'minutesApprovedDate' | 'announcedDate';

/** The statuses as the Swedish messages (and the web app) name them. */
const STATUS_NAMES: Record<RecordedDecisionStatus, string> = {
  proposed: 'Förslag',
  decided: 'Beslutat',
  minutesApproved: 'Justerat',
  announced: 'Anslaget',
  appealed: 'Överklagat',
  rejected: 'Avslaget',
};

/**
 * Checks a decision's dates: each status has the dates it implies, they are in order (a decision
 * cannot be announced before the minutes were approved, nor those before the meeting), and none
 * lies in the future. Returns every problem, each with its field. Pure.
 */
export function checkDecisionDates(
  d: {
    status: RecordedDecisionStatus;
    meetingDate: LocalDate | null;
    minutesApprovedDate: LocalDate | null;
    announcedDate: LocalDate | null;
    text: string | null;
  },
  today: LocalDate,
): Array<FieldProblem & { message: LocalizedText }> {
  const problems: Array<FieldProblem & { message: LocalizedText }> = [];
  const status = { sv: STATUS_NAMES[d.status], en: d.status };
  // What each date is the date of, as the messages name it.
  const order: Array<[DateField, LocalizedText]> = [
    ['meetingDate', { sv: 'sammanträdet', en: 'the meeting' }],
    ['minutesApprovedDate', { sv: 'justeringen av protokollet', en: 'the approval of the minutes (justering)' }],
    ['announcedDate', { sv: 'anslaget', en: 'the announcement (anslag)' }],
  ];
  const nameOf = (field: DateField) => order.find(([f]) => f === field)![1];
  for (const field of REQUIRED_DATES[d.status]) {
    if (!d[field])
      problems.push({
        path: field,
        message: {
          sv: `ett beslut med status "${status.sv}" behöver datum för ${nameOf(field).sv} (${field})`,
          en: `a decision with status "${status.en}" needs ${field}`,
        },
      });
  }
  if (d.status !== 'proposed' && d.status !== 'rejected' && !d.text?.trim()) {
    problems.push({
      path: 'text',
      message: { sv: `ett beslut med status "${status.sv}" behöver den beslutade texten`, en: `a decision with status "${status.en}" needs the decided text` },
    });
  }
  for (let i = 1; i < order.length; i++) {
    const [later, laterName] = order[i]!;
    for (let j = 0; j < i; j++) {
      const [earlier, earlierName] = order[j]!;
      const a = d[earlier];
      const b = d[later];
      if (a && b && b < a) {
        const sv = `${laterName.sv} (${b}) kan inte ligga före ${earlierName.sv} (${a})`;
        problems.push({
          path: later,
          message: { sv: sv.charAt(0).toLocaleUpperCase('sv-SE') + sv.slice(1), en: `${laterName.en} (${b}) cannot be before ${earlierName.en} (${a})` },
        });
      }
    }
  }
  for (const [field] of order) {
    const value = d[field];
    if (value && value > today)
      problems.push({
        path: field,
        message: { sv: `${value} ligger i framtiden; ange ett datum när det har skett`, en: `${value} is in the future; record a date when it has happened` },
      });
  }
  return problems;
}

/** How far before its case a decision may lie: one year, so a decision of the preparations counts. */
export const DECISION_LEAD_MONTHS = 12;

/**
 * The earliest date a decision recorded on a case may carry: a year before the case started. A
 * decision dated earlier does not belong to this collaboration, and, long past its appeal period,
 * would be final (laga kraft) the moment it was recorded. Pure.
 */
export function earliestDecisionDate(caseStarted: LocalDate): LocalDate {
  return addMonths(caseStarted, -DECISION_LEAD_MONTHS);
}

/** The decision's dates that lie before `earliest`, each with its field. Pure. */
export function datesBefore(
  d: { meetingDate: LocalDate | null; minutesApprovedDate: LocalDate | null; announcedDate: LocalDate | null },
  earliest: LocalDate,
): Array<{ path: 'meetingDate' | 'minutesApprovedDate' | 'announcedDate'; date: LocalDate }> {
  return (['meetingDate', 'minutesApprovedDate', 'announcedDate'] as const)
    .filter((path) => d[path] !== null && d[path]! < earliest)
    .map((path) => ({ path, date: d[path]! }));
}
