import { owingOrganisations } from './obligations.js';

describe('owingOrganisations', () => {
  const parties = { leading: new Set(['region']) };

  it('gives an item-by-item condition to the organisation of its item', () => {
    expect(owingOrganisations({ item: { label: 'Alvesta kommun – socialnämnden', organisation: 'alvesta' } }, parties)).toEqual(['alvesta']);
  });

  it('gives a condition about the whole case to the leading parties', () => {
    expect(owingOrganisations({}, parties)).toEqual(['region']);
    expect(owingOrganisations({ item: { label: 'Mål 1' } }, parties)).toEqual(['region']);
  });
});
