/** A calendar date in Sweden, `YYYY-MM-DD`. Deadlines are about days, not instants. */
export type LocalDate = string;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a text is a real calendar date `YYYY-MM-DD`. In common/ (not calendar/) because the
 * settings read from the environment check dates too, and they sit below the calendar.
 */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
