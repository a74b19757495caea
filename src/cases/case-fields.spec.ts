import { checkDeclaredFields } from './case-fields.js';
import { vocabularyFrom } from '../rules/vocabulary.js';

const t = (sv: string, en = sv) => ({ sv, en });

describe('checkDeclaredFields', () => {
  it('takes declared field values of their type only, naming the field by its label; other fields as they come', () => {
    const vocabulary = vocabularyFrom([
      { key: 'startDate', type: 'date', label: t('Startdatum', 'Start date') },
      { key: 'name', type: 'text', label: t('Namn', 'Name') },
      { key: 'budget', type: 'number', label: t('Budget') },
      { key: 'signed', type: 'boolean', label: t('Undertecknat', 'Signed') },
    ]);
    expect(() => checkDeclaredFields({ startDate: '2027-03-03', name: 'Forum', budget: 5, signed: true, note: 12, other: 'x' }, vocabulary)).not.toThrow();
    expect(() => checkDeclaredFields({ startDate: null, name: null }, vocabulary)).not.toThrow();
    try {
      checkDeclaredFields({ startDate: '2027-02-30', name: 'två\nrader', budget: '5', signed: 'ja' }, vocabulary);
      throw new Error('accepted');
    } catch (error) {
      const e = error as { code: string; details: { errors: Array<{ path: string; message: { sv: string } }> } };
      expect(e.code).toBe('UNPROCESSABLE');
      expect(e.details.errors.map((p) => `${p.path}: ${p.message.sv}`)).toEqual([
        'startDate: "Startdatum" ska vara ett datum skrivet ÅÅÅÅ-MM-DD, t.ex. 2027-03-03',
        'name: "Namn" ska vara en text på en rad (högst 1000 tecken)',
        'budget: "Budget" ska vara ett tal',
        'signed: "Undertecknat" ska vara ja eller nej (true eller false)',
      ]);
    }
  });
});
