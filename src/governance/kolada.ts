import { DomainError, type FieldProblem } from '../common/domain-error.js';
import type { Language, LocalizedText } from '../common/i18n.js';

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
  const problems: Array<FieldProblem & { message: LocalizedText }> = [];
  const out: KoladaValue[] = [];
  const values = (json as { values?: unknown })?.values;
  if (typeof json !== 'object' || json === null || !Array.isArray(values)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      {
        sv: 'Filen är inte data från Kolada: ett objekt med listan "values" väntades.',
        en: 'not a Kolada data document: expected an object with a "values" list',
      },
      { errors: [{ path: '/values', message: { sv: 'saknas eller är inte en lista', en: 'missing or not a list' } }] },
    );
  }
  values.forEach((entry: unknown, i) => {
    const at = `/values/${i}`;
    const e = entry as { kpi?: unknown; municipality?: unknown; period?: unknown; values?: unknown };
    if (typeof entry !== 'object' || entry === null) {
      problems.push({ path: at, message: { sv: 'måste vara ett objekt', en: 'must be an object' } });
      return;
    }
    if (typeof e.kpi !== 'string' || !KPI.test(e.kpi))
      problems.push({
        path: `${at}/kpi`,
        message: { sv: 'måste vara ett nyckeltals-id från Kolada, t.ex. "N03937"', en: 'must be a Kolada KPI id like "N03937"' },
      });
    if (typeof e.municipality !== 'string' || !MUNICIPALITY.test(e.municipality))
      problems.push({
        path: `${at}/municipality`,
        message: { sv: 'måste vara en kommunkod (4 siffror) eller regionkod (2 siffror)', en: 'must be a municipality (4 digits) or region (2 digits) code' },
      });
    const period = typeof e.period === 'string' ? Number(e.period) : e.period;
    if (typeof period !== 'number' || !Number.isInteger(period) || period < 1900 || period > 2200)
      problems.push({ path: `${at}/period`, message: { sv: 'måste vara ett årtal', en: 'must be a year' } });
    if (!Array.isArray(e.values)) {
      problems.push({ path: `${at}/values`, message: { sv: 'måste vara en lista med { gender, value }', en: 'must be a list of { gender, value }' } });
      return;
    }
    const total = (e.values as Array<{ gender?: unknown; value?: unknown }>).find((v) => v?.gender === 'T');
    if (!total || total.value === null || total.value === undefined) return;
    if (typeof total.value !== 'number' || !Number.isFinite(total.value)) {
      problems.push({
        path: `${at}/values`,
        message: { sv: 'totalen (gender "T") måste vara ett tal eller null', en: 'the total (gender "T") must be a number or null' },
      });
      return;
    }
    if (typeof e.kpi === 'string' && typeof e.municipality === 'string' && typeof period === 'number') {
      out.push({ kpi: e.kpi, municipality: e.municipality, period, value: total.value });
    }
    return;
  });
  if (problems.length) {
    const listed = (lang: Language) =>
      problems
        .slice(0, 3)
        .map((p) => `#${p.path}: ${p.message[lang]}`)
        .join('; ');
    const more = problems.length > 3 ? { sv: ` (${problems.length} fel)`, en: ` (${problems.length} problems)` } : { sv: '', en: '' };
    throw new DomainError(
      'VALIDATION_FAILED',
      { sv: `Filen följer inte Koladas format: ${listed('sv')}${more.sv}.`, en: `not in Kolada's format: ${listed('en')}${more.en}` },
      { errors: problems },
    );
  }
  return out;
}

/** How long one answer of Kolada may take and how large it may be. */
export interface KoladaLimits {
  timeoutMs: number;
  maxBytes: number;
}

/**
 * Fetches one document of Kolada's API and parses it as JSON, within limits: no redirect is
 * followed (an answer elsewhere is not Kolada's), the whole answer must come within `timeoutMs`,
 * and reading stops past `maxBytes`.
 *
 * @throws DomainError UPSTREAM_UNAVAILABLE (no answer in time, a redirect, an error status, too large, not JSON)
 */
export async function fetchKolada(url: URL, limits: KoladaLimits): Promise<unknown> {
  const unavailable = (sv: string, en: string) =>
    new DomainError('UPSTREAM_UNAVAILABLE', {
      sv: `Kolada: ${sv}; försök igen senare eller importera en fil i Koladas format.`,
      en: `Kolada: ${en}; try again later or import a file in Kolada's format.`,
    });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seconds = (limits.timeoutMs / 1000).toLocaleString('sv-SE');
  const timedOut = unavailable(`inget svar inom ${seconds} s`, `no answer within ${limits.timeoutMs / 1000} s`);
  try {
    const res = await fetch(url, { signal, redirect: 'manual', headers: { accept: 'application/json' } });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      throw unavailable(`svaret var en omdirigering (${res.status}), som inte följs`, `the answer was a redirect (${res.status}), which is not followed`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw unavailable(`svarade ${res.status}`, `answered ${res.status}`);
    }
    const tooLarge = unavailable(`svaret är större än ${limits.maxBytes} byte`, `the answer is larger than ${limits.maxBytes} bytes`);
    if (Number(res.headers.get('content-length') ?? 0) > limits.maxBytes) {
      await res.body?.cancel();
      throw tooLarge;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.byteLength;
        if (size > limits.maxBytes) throw tooLarge; // leaving the loop cancels the stream
        chunks.push(chunk);
      }
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw unavailable('svaret är inte JSON', 'the answer is not JSON');
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (signal.aborted) throw timedOut;
    throw unavailable(`svarade inte (${(error as Error).message})`, `did not answer (${(error as Error).message})`);
  }
}
