import Holidays from 'date-holidays';

import { isLocalDate, type LocalDate } from '../common/local-date.js';

export { isLocalDate, type LocalDate };

const TIME_ZONE = 'Europe/Stockholm';

/**
 * Working days on the Swedish calendar: not Saturday or Sunday, not a public holiday, and not one
 * of the de facto days off (midsommarafton, julafton, nyårsafton). Holidays come from the
 * maintained `date-holidays` library (types "public" and "bank"), not from a hand-written table;
 * a deployment can add its own closed days (e.g. a municipality's klämdag).
 *
 * Pure: no I/O, no clock. Times are read in Europe/Stockholm.
 */
export class SwedishCalendar {
  private readonly holidays = new Holidays('SE');
  private readonly closedByYear = new Map<number, Set<LocalDate>>();
  private readonly extraClosed: ReadonlySet<LocalDate>;

  /** @param extraClosedDays the deployment's own closed days, `YYYY-MM-DD` */
  constructor(extraClosedDays: Iterable<LocalDate> = []) {
    const extra = [...extraClosedDays];
    for (const day of extra) assertDate(day);
    this.extraClosed = new Set(extra);
  }

  /** Whether offices are open that day. */
  isWorkingDay(date: LocalDate): boolean {
    assertDate(date);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !this.extraClosed.has(date) && !this.closedDays(Number(date.slice(0, 4))).has(date);
  }

  /**
   * The date `n` working days after `date` (the day itself does not count): 3 working days from
   * Thursday 2026-06-18 is Wednesday 2026-06-24, since Friday the 19th is midsommarafton.
   * Negative `n` counts backwards.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
    const direction = n < 0 ? -1 : 1;
    let current = date;
    for (let left = Math.abs(n); left > 0; ) {
      current = addDays(current, direction);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  /** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    if (to === from) return 0;
    const direction = to > from ? 1 : -1;
    let count = 0;
    for (let d = from; d !== to; ) {
      d = addDays(d, direction);
      if (this.isWorkingDay(d)) count += direction;
    }
    return count;
  }

  /**
   * Working days that lie wholly between two instants: days whose whole span (00:00 to 24:00 in
   * Stockholm) is inside `[from, to]`. The day `from` falls in counts only if `from` is its very
   * start. 0 when `to` is not after `from`. "How many working days are left before the deadline"
   * and "how many have passed since it" are both this count.
   */
  wholeWorkingDaysBetween(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    let day = stockholmDate(from);
    if (startOfStockholmDay(day).getTime() < from.getTime()) day = addDays(day, 1);
    let count = 0;
    for (; endOfStockholmDay(day).getTime() <= to.getTime(); day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /** `date` if it is a working day, else the next one (lagen (1930:173) om beräkning av lagstadgad tid). */
  onOrNextWorkingDay(date: LocalDate): LocalDate {
    let current = date;
    while (!this.isWorkingDay(current)) current = addDays(current, 1);
    return current;
  }

  private closedDays(year: number): Set<LocalDate> {
    let days = this.closedByYear.get(year);
    if (!days) {
      days = new Set(
        this.holidays
          .getHolidays(year)
          .filter((h) => h.type === 'public' || h.type === 'bank')
          .map((h) => h.date.slice(0, 10)),
      );
      this.closedByYear.set(year, days);
    }
    return days;
  }
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it, and gates
// ask for dates once per board.
const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const STOCKHOLM_HOUR = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** The Swedish calendar date of an instant. */
export function stockholmDate(instant: Date): LocalDate {
  return STOCKHOLM_DATE.format(instant);
}

/** The instant a Swedish calendar day ends (midnight Stockholm time, the start of the next day). */
export function endOfStockholmDay(date: LocalDate): Date {
  return startOfStockholmDay(addDays(date, 1));
}

/** The instant a Swedish calendar day begins (00:00 in Stockholm, in summer or winter time). */
export function startOfStockholmDay(date: LocalDate): Date {
  assertDate(date);
  // Try both offsets Sweden uses; the right one is the one whose local date is `date` at 00:00.
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${date}T00:00:00${offset}`);
    const local = STOCKHOLM_HOUR.format(candidate);
    if (stockholmDate(candidate) === date && local === '00') return candidate;
  }
  throw new RangeError(`no midnight in Stockholm on ${date}`);
}

/** Calendar arithmetic on dates. */
export function addDays(date: LocalDate, days: number): LocalDate {
  assertDate(date);
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function assertDate(date: string): void {
  if (!isLocalDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** Calendar months after a date; the 31st becomes the month's last day where there is none. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  assertDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
