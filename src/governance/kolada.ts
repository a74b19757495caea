import { DomainError, type FieldProblem } from '../common/domain-error.js';

/** One yearly total (gender "T") of a Kolada KPI for a municipality or region. */
export interface KoladaValue {
  kpi: string;
  municipality: string;
  period: number;
  value: number;
}

const KPI = /^[A-Z]\d{5}$/;
const MUNICIPALITY = /^\d{2}(\d{2})?$/;

/**
 * Reads a document in the Kolada data API's JSON format — `{ values: [{ kpi, municipality,
 * period, values: [{ gender, value }] }] }` — keeping the totals (gender "T"). Missing values
 * (`null`) are skipped, as Kolada reports them. Pure.
 *
 * @throws DomainError VALIDATION_FAILED listing, by JSON pointer, every place that is not Kolada's format
 */
export function parseKolada(json: unknown): KoladaValue[] {
  const problems: FieldProblem[] = [];
  const out: KoladaValue[] = [];
  const values = (json as { values?: unknown })?.values;
  if (typeof json !== 'object' || json === null || !Array.isArray(values)) {
    throw new DomainError('VALIDATION_FAILED', 'not a Kolada data document: expected an object with a "values" list', { errors: [{ path: '/values', message: 'missing or not a list' }] });
  }
  values.forEach((entry: unknown, i) => {
    const at = `/values/${i}`;
    const e = entry as { kpi?: unknown; municipality?: unknown; period?: unknown; values?: unknown };
    if (typeof entry !== 'object' || entry === null) return problems.push({ path: at, message: 'must be an object' });
    if (typeof e.kpi !== 'string' || !KPI.test(e.kpi)) problems.push({ path: `${at}/kpi`, message: 'must be a Kolada KPI id like "N03937"' });
    if (typeof e.municipality !== 'string' || !MUNICIPALITY.test(e.municipality)) problems.push({ path: `${at}/municipality`, message: 'must be a municipality (4 digits) or region (2 digits) code' });
    const period = typeof e.period === 'string' ? Number(e.period) : e.period;
    if (typeof period !== 'number' || !Number.isInteger(period) || period < 1900 || period > 2200) problems.push({ path: `${at}/period`, message: 'must be a year' });
    if (!Array.isArray(e.values)) return problems.push({ path: `${at}/values`, message: 'must be a list of { gender, value }' });
    const total = (e.values as Array<{ gender?: unknown; value?: unknown }>).find((v) => v?.gender === 'T');
    if (!total || total.value === null || total.value === undefined) return;
    if (typeof total.value !== 'number' || !Number.isFinite(total.value)) {
      problems.push({ path: `${at}/values`, message: 'the total (gender "T") must be a number or null' });
      return;
    }
    if (typeof e.kpi === 'string' && typeof e.municipality === 'string' && typeof period === 'number') {
      out.push({ kpi: e.kpi, municipality: e.municipality, period, value: total.value });
    }
    return;
  });
  if (problems.length) {
    throw new DomainError('VALIDATION_FAILED', `not in Kolada's format: ${problems.slice(0, 3).map((p) => `#${p.path}: ${p.message}`).join('; ')}${problems.length > 3 ? ` (${problems.length} problems)` : ''}`, { errors: problems });
  }
  return out;
}
