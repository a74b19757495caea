import { SwedishCalendar } from '../calendar/working-days.js';
import { appealDeadline, checkDecisionDates, effectiveStatus, finalFrom } from './appeal.js';

const cal = new SwedishCalendar();

describe('appeal window (Kommunallagen 13:5)', () => {
  it('ends three weeks after the announcement', () => {
    expect(appealDeadline('2026-03-02', cal)).toBe('2026-03-23');
  });

  it('moves to the next working day when the three weeks end on a day off', () => {
    // 2026-12-03 + 21 days = julafton (Thursday) → 25, 26, 27 off → Monday 28 December
    expect(appealDeadline('2026-12-03', cal)).toBe('2026-12-28');
    // + 21 days = Saturday 2026-11-28 → Monday 30 November
    expect(appealDeadline('2026-11-07', cal)).toBe('2026-11-30');
  });

  it('makes an announced decision final the day after the deadline, unless appealed', () => {
    const d = { status: 'announced' as const, appealDeadline: '2026-03-23' };
    expect(effectiveStatus(d, '2026-03-23')).toBe('announced');
    expect(effectiveStatus(d, '2026-03-24')).toBe('final');
    expect(effectiveStatus({ ...d, status: 'appealed' }, '2026-04-30')).toBe('appealed');
    expect(finalFrom('2026-03-23')).toBe('2026-03-24');
  });
});

describe('checkDecisionDates', () => {
  const base = { text: 'Beslut', meetingDate: '2026-02-10', minutesApprovedDate: '2026-02-14', announcedDate: '2026-02-16' };

  it('accepts dates in the order of Kommunallagen', () => {
    expect(checkDecisionDates({ ...base, status: 'announced' }, '2026-03-01')).toEqual([]);
  });

  it('refuses an announcement before the decision and dates in the future', () => {
    expect(checkDecisionDates({ ...base, status: 'announced', announcedDate: '2026-02-01' }, '2026-03-01')).toEqual([
      {
        path: 'announcedDate',
        message: {
          sv: 'Anslaget (2026-02-01) kan inte ligga före sammanträdet (2026-02-10)',
          en: 'the announcement (anslag) (2026-02-01) cannot be before the meeting (2026-02-10)',
        },
      },
      {
        path: 'announcedDate',
        message: {
          sv: 'Anslaget (2026-02-01) kan inte ligga före justeringen av protokollet (2026-02-14)',
          en: 'the announcement (anslag) (2026-02-01) cannot be before the approval of the minutes (justering) (2026-02-14)',
        },
      },
    ]);
    expect(checkDecisionDates({ ...base, status: 'announced' }, '2026-02-15')).toEqual([
      {
        path: 'announcedDate',
        message: {
          sv: '2026-02-16 ligger i framtiden; ange ett datum när det har skett',
          en: '2026-02-16 is in the future; record a date when it has happened',
        },
      },
    ]);
  });

  it('requires the dates and text a status implies', () => {
    expect(
      checkDecisionDates({ status: 'minutesApproved', text: null, meetingDate: '2026-02-10', minutesApprovedDate: null, announcedDate: null }, '2026-03-01'),
    ).toEqual([
      {
        path: 'minutesApprovedDate',
        message: {
          sv: 'ett beslut med status "Justerat" behöver datum för justeringen av protokollet (minutesApprovedDate)',
          en: 'a decision with status "minutesApproved" needs minutesApprovedDate',
        },
      },
      {
        path: 'text',
        message: { sv: 'ett beslut med status "Justerat" behöver den beslutade texten', en: 'a decision with status "minutesApproved" needs the decided text' },
      },
    ]);
  });
});
