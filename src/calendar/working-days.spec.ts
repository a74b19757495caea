import { SwedishCalendar, addDays, endOfStockholmDay, isLocalDate, startOfStockholmDay, stockholmDate } from './working-days.js';

describe('SwedishCalendar', () => {
  const cal = new SwedishCalendar();

  it('counts 3 working days from Thursday 2026-06-18 to Wednesday 2026-06-24 (midsommarafton is off)', () => {
    expect(cal.addWorkingDays('2026-06-18', 3)).toBe('2026-06-24');
  });

  it('treats weekends, public holidays and julafton, nyårsafton as days off, but not annandag pingst', () => {
    expect(cal.isWorkingDay('2026-12-24')).toBe(false); // julafton
    expect(cal.isWorkingDay('2026-12-31')).toBe(false); // nyårsafton
    expect(cal.isWorkingDay('2026-06-06')).toBe(false); // nationaldagen (a Saturday anyway)
    expect(cal.isWorkingDay('2027-06-07')).toBe(true); // nationaldagen 2027 is a Sunday; Sweden has no substitute day
    expect(cal.isWorkingDay('2026-04-03')).toBe(false); // långfredagen
    expect(cal.isWorkingDay('2026-04-06')).toBe(false); // annandag påsk
    expect(cal.isWorkingDay('2026-05-25')).toBe(true); // annandag pingst is a working day since 2005
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-11-26')).toBe(true);
  });

  it('counts across Christmas and New Year', () => {
    // Wed 23 Dec → 24–27 off, Mon 28 (1), Tue 29 (2), Wed 30 (3), 31 Dec – 3 Jan off, Mon 4 Jan (4)
    expect(cal.addWorkingDays('2026-12-23', 4)).toBe('2027-01-04');
  });

  it('counts backwards and between dates', () => {
    expect(cal.addWorkingDays('2026-06-24', -3)).toBe('2026-06-18');
    expect(cal.workingDaysBetween('2026-06-18', '2026-06-24')).toBe(3);
    expect(cal.workingDaysBetween('2026-06-24', '2026-06-18')).toBe(-3);
    expect(cal.workingDaysBetween('2026-06-18', '2026-06-18')).toBe(0);
  });

  it('moves a deadline that ends on a day off to the next working day', () => {
    expect(cal.onOrNextWorkingDay('2026-12-24')).toBe('2026-12-28');
    expect(cal.onOrNextWorkingDay('2026-11-26')).toBe('2026-11-26');
  });

  it('counts the working days wholly between two instants, in Stockholm time', () => {
    const at = (text: string) => new Date(text);
    // Thursday 10:00 before midsommar → end of Wednesday 24 June: Mon, Tue, Wed (Friday 19th is off).
    expect(cal.wholeWorkingDaysBetween(at('2026-06-18T10:00:00+02:00'), at('2026-06-25T00:00:00+02:00'))).toBe(3);
    // From midnight the day itself counts; a day that has not ended does not.
    expect(cal.wholeWorkingDaysBetween(at('2026-06-23T00:00:00+02:00'), at('2026-06-25T00:00:00+02:00'))).toBe(2);
    expect(cal.wholeWorkingDaysBetween(at('2026-06-25T00:00:00+02:00'), at('2026-06-25T23:59:00+02:00'))).toBe(0);
    expect(cal.wholeWorkingDaysBetween(at('2026-06-25T00:00:00+02:00'), at('2026-06-27T00:00:00+02:00'))).toBe(2);
    // Across the change to winter time (25 October 2026) days are still whole days.
    expect(cal.wholeWorkingDaysBetween(at('2026-10-23T00:00:00+02:00'), at('2026-10-27T00:00:00+01:00'))).toBe(2);
    expect(cal.wholeWorkingDaysBetween(at('2026-06-25T00:00:00+02:00'), at('2026-06-18T00:00:00+02:00'))).toBe(0);
  });

  it("honours a deployment's own closed days", () => {
    const own = new SwedishCalendar(['2026-05-15']); // a klämdag after Kristi himmelsfärd
    expect(own.isWorkingDay('2026-05-15')).toBe(false);
    expect(own.addWorkingDays('2026-05-13', 1)).toBe('2026-05-18');
    expect(() => new SwedishCalendar(['2026-13-01'])).toThrow('not a date');
  });
});

describe('Stockholm dates', () => {
  it('reads instants in Swedish time, summer and winter', () => {
    expect(stockholmDate(new Date('2026-06-18T22:30:00Z'))).toBe('2026-06-19');
    expect(stockholmDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(startOfStockholmDay('2026-06-19').toISOString()).toBe('2026-06-18T22:00:00.000Z');
    expect(startOfStockholmDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(endOfStockholmDay('2026-03-28').toISOString()).toBe('2026-03-28T23:00:00.000Z'); // clocks go forward on the 29th
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(isLocalDate('2026-02-30')).toBe(false);
  });
});
