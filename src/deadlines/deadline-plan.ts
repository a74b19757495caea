import { addDays, endOfStockholmDay, stockholmDate, type LocalDate, type SwedishCalendar } from '../calendar/working-days.js';
import type { DeadlineOffset, EscalationLevel, Sla, StateConfig, WorkflowFile } from '../definitions/workflow-types.js';

/**
 * Deadline arithmetic of a step: when the deadline of an SLA falls, when each level of its
 * escalation ladder fires, and how much time is left. Pure: no I/O, time is a parameter, the
 * calendar is given.
 */

/** When a step's deadline falls: the Swedish calendar day, and the instant it passes. */
export interface Deadline {
  /** The last day of the SLA (`YYYY-MM-DD`, Stockholm). */
  dueOn: LocalDate;
  /** The instant the deadline passes: the end of `dueOn` for day SLAs, the exact hour for `hours`. */
  dueAt: Date;
}

/** A level of the ladder with the instant it fires. */
export interface PlannedLevel {
  /** Position in the ladder, from 0. */
  rung: number;
  level: EscalationLevel;
  fireAt: Date;
}

/** Time left before a deadline, or passed since it, in whole working days. */
export interface DeadlineStatus {
  /** The deadline has passed. */
  overdue: boolean;
  /**
   * Working days wholly left before the deadline (0 on its last day), or, once it has passed,
   * minus the working days wholly gone since (−2: two working days late).
   */
  workingDaysLeft: number;
}

/**
 * The deadline of an SLA for a step entered at `enteredAt`.
 *
 * - `workingDays: N`: the end of the N-th working day after the day of entry (that day does not
 *   count): 3 working days from Thursday 2026-06-18 end with Wednesday 2026-06-24.
 * - `calendarDays: N`: the end of the N-th day after the day of entry, moved to the next working
 *   day when it falls on a day off (as lagen (1930:173) om beräkning av lagstadgad tid does).
 * - `hours: N`: exactly N hours after entry.
 */
export function deadlineFor(sla: Sla, enteredAt: Date, calendar: SwedishCalendar): Deadline {
  const entered = stockholmDate(enteredAt);
  if ('workingDays' in sla) return dayDeadline(calendar.addWorkingDays(entered, sla.workingDays));
  if ('calendarDays' in sla) return dayDeadline(calendar.onOrNextWorkingDay(addDays(entered, sla.calendarDays)));
  const dueAt = new Date(enteredAt.getTime() + sla.hours * 3_600_000);
  // An instant exactly at midnight ends the day before.
  return { dueOn: stockholmDate(new Date(dueAt.getTime() - 1)), dueAt };
}

/**
 * The instant a level fires. Day offsets count from the deadline's day and land at the end of the
 * day they reach (`workingDays: 0` is the moment the deadline passes, `-2` two whole working days
 * before it, `5` when five whole working days have gone since it); `hours` count from the
 * deadline's instant.
 */
export function fireTimeOf(offset: DeadlineOffset, deadline: Deadline, calendar: SwedishCalendar): Date {
  if ('workingDays' in offset) return endOfStockholmDay(calendar.addWorkingDays(deadline.dueOn, offset.workingDays));
  if ('calendarDays' in offset) return endOfStockholmDay(addDays(deadline.dueOn, offset.calendarDays));
  return new Date(deadline.dueAt.getTime() + offset.hours * 3_600_000);
}

/** The deadline of a step entered at `enteredAt` and the instant each level of its ladder fires. */
export function planStep(
  sla: Sla,
  ladder: readonly EscalationLevel[],
  enteredAt: Date,
  calendar: SwedishCalendar,
): { deadline: Deadline; levels: PlannedLevel[] } {
  const deadline = deadlineFor(sla, enteredAt, calendar);
  return { deadline, levels: ladder.map((level, rung) => ({ rung, level, fireAt: fireTimeOf(level.at, deadline, calendar) })) };
}

/** How the deadline stands at `now`. */
export function deadlineStatus(deadline: Pick<Deadline, 'dueAt'>, now: Date, calendar: SwedishCalendar): DeadlineStatus {
  const overdue = now.getTime() >= deadline.dueAt.getTime();
  // `0 - n`, not `-n`: no negative zero on the day the deadline passes.
  const workingDaysLeft = overdue ? 0 - calendar.wholeWorkingDaysBetween(deadline.dueAt, now) : calendar.wholeWorkingDaysBetween(now, deadline.dueAt);
  return { overdue, workingDaysLeft };
}

/** The escalation ladder of the state at a dot path (empty when it has none). */
export function ladderOf(definition: WorkflowFile, stateId: string): EscalationLevel[] {
  let states: Record<string, StateConfig> | undefined = definition.states;
  let state: StateConfig | undefined;
  for (const key of stateId.split('.')) {
    state = states?.[key];
    states = state?.states;
  }
  return state?.meta.escalation ?? [];
}

function dayDeadline(dueOn: LocalDate): Deadline {
  return { dueOn, dueAt: endOfStockholmDay(dueOn) };
}
