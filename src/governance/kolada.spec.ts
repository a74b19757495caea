import { DomainError } from '../common/domain-error.js';
import { parseKolada } from './kolada.js';

describe('parseKolada', () => {
  it("reads the totals of Kolada's data format and skips missing values", () => {
    const doc = {
      count: 3,
      values: [
        {
          kpi: 'N03937',
          municipality: '1080',
          period: 2023,
          values: [
            { count: 1, gender: 'K', status: '', value: 4.1 },
            { count: 1, gender: 'T', status: '', value: 4.6 },
          ],
        },
        { kpi: 'N03937', municipality: '1080', period: '2024', values: [{ gender: 'T', value: 4.2 }] },
        { kpi: 'N03937', municipality: '1080', period: 2025, values: [{ gender: 'T', value: null, status: 'Missing' }] },
      ],
    };
    expect(parseKolada(doc)).toEqual([
      { kpi: 'N03937', municipality: '1080', period: 2023, value: 4.6 },
      { kpi: 'N03937', municipality: '1080', period: 2024, value: 4.2 },
    ]);
  });

  it('refuses what is not in the format, pointing at each place', () => {
    const attempt = () =>
      parseKolada({ values: [{ kpi: 'unemployment', municipality: '780', period: 'last year', values: [{ gender: 'T', value: 'high' }] }] });
    expect(attempt).toThrow(DomainError);
    try {
      attempt();
    } catch (e) {
      expect((e as DomainError).details.errors).toEqual([
        { path: '/values/0/kpi', message: { sv: 'måste vara ett nyckeltals-id från Kolada, t.ex. "N03937"', en: 'must be a Kolada KPI id like "N03937"' } },
        {
          path: '/values/0/municipality',
          message: { sv: 'måste vara en kommunkod (4 siffror) eller regionkod (2 siffror)', en: 'must be a municipality (4 digits) or region (2 digits) code' },
        },
        { path: '/values/0/period', message: { sv: 'måste vara ett årtal', en: 'must be a year' } },
        {
          path: '/values/0/values',
          message: { sv: 'totalen (gender "T") måste vara ett tal eller null', en: 'the total (gender "T") must be a number or null' },
        },
      ]);
      expect((e as DomainError).messageIn('sv')).toBe(
        'Filen följer inte Koladas format: #/values/0/kpi: måste vara ett nyckeltals-id från Kolada, t.ex. "N03937"; #/values/0/municipality: måste vara en kommunkod (4 siffror) eller regionkod (2 siffror); #/values/0/period: måste vara ett årtal (4 fel).',
      );
    }
    expect(() => parseKolada([1, 2])).toThrow('not a Kolada data document');
  });
});
