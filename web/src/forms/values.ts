import type { DateParts } from './fields';
import type { Message } from './use-form';
import { w } from './words';

/*
 * Reading what the person typed into the values the API takes, and the form's own checks of it,
 * worded with the field's label.
 */

/** No date typed yet. */
export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** `2027-03-03` as the three fields (empty when there is no date). */
export function dateParts(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : NO_DATE;
}

/**
 * The three fields as `YYYY-MM-DD`: null when all are empty, undefined when they do not make a
 * real date (check with {@link checkDate} first).
 */
export function isoDate(parts: DateParts): string | null | undefined {
  const [d, m, y] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!d && !m && !y) return null;
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The form's check of a date: a message when it is missing (and required) or not a real date. */
export function checkDate(parts: DateParts, label: () => string, options: { required?: Message } = {}): Message | undefined {
  const value = isoDate(parts);
  if (value === null) return options.required;
  if (value === undefined) {
    const some = [parts.day, parts.month, parts.year].some((p) => !p.trim());
    return some ? () => w('dateIncomplete', { label: label() }) : () => w('dateInvalid', { label: label(), example: '3 9 2027' });
  }
  return undefined;
}

/** A number as typed: spaces ignored, a decimal comma taken; null when empty, NaN when not a number. */
export function parseNumber(typed: string): number | null {
  const clean = typed
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.')
    .replace('−', '-');
  if (!clean) return null;
  return /^-?\d+(\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
}

/** The form's check of a number field. */
export function checkNumber(typed: string, label: () => string, options: { required?: Message; example?: string } = {}): Message | undefined {
  const value = parseNumber(typed);
  if (value === null) return options.required;
  if (Number.isNaN(value)) return () => w('notANumber', { label: label(), example: options.example ?? '12' });
  return undefined;
}

/** A text as the API takes it: trimmed, and null when nothing was written (to clear a value). */
export function textOrNull(typed: string): string | null {
  return typed.trim() ? typed.trim() : null;
}
