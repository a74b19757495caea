import { SwedishCalendar } from '../calendar/working-days.js';
import type { EscalationLevel, WorkflowFile } from '../definitions/workflow-types.js';
import { deadlineFor, deadlineStatus, fireTimeOf, ladderOf, planStep } from './deadline-plan.js';

const cal = new SwedishCalendar();
const at = (text: string) => new Date(text);
const iso = (d: Date) => d.toISOString();

describe('deadlineFor', () => {
  it('ends 3 working days from Thursday 2026-06-18 with Wednesday the 24th (midsommarafton is off)', () => {
    const d = deadlineFor({ workingDays: 3 }, at('2026-06-18T10:00:00+02:00'), cal);
    expect(d.dueOn).toBe('2026-06-24');
    expect(iso(d.dueAt)).toBe(iso(at('2026-06-25T00:00:00+02:00')));
  });

  it('counts the day of entry in Stockholm time, not UTC', () => {
    // 23:30 UTC on Wednesday is already Thursday in Stockholm.
    expect(deadlineFor({ workingDays: 3 }, at('2026-06-17T22:30:00Z'), cal).dueOn).toBe('2026-06-24');
    expect(deadlineFor({ workingDays: 3 }, at('2026-06-17T21:30:00Z'), cal).dueOn).toBe('2026-06-23'); // Wednesday: Thu, Mon, Tue
  });

  it('moves a calendar-day deadline off a holiday to the next working day', () => {
    // 2026-12-14 + 10 days = julafton → Monday 28 December.
    expect(deadlineFor({ calendarDays: 10 }, at('2026-12-14T09:00:00+01:00'), cal).dueOn).toBe('2026-12-28');
    expect(deadlineFor({ calendarDays: 2 }, at('2026-12-14T09:00:00+01:00'), cal).dueOn).toBe('2026-12-16');
  });

  it('gives an hour SLA its exact instant, and the day it falls on', () => {
    const d = deadlineFor({ hours: 48 }, at('2026-06-18T10:00:00+02:00'), cal);
    expect(iso(d.dueAt)).toBe(iso(at('2026-06-20T10:00:00+02:00')));
    expect(d.dueOn).toBe('2026-06-20');
    expect(deadlineFor({ hours: 14 }, at('2026-06-18T10:00:00+02:00'), cal).dueOn).toBe('2026-06-18');
  });
});

describe('fireTimeOf and planStep', () => {
  const deadline = deadlineFor({ workingDays: 3 }, at('2026-06-18T10:00:00+02:00'), cal);

  it('fires day offsets at the end of the day they count to', () => {
    expect(iso(fireTimeOf({ workingDays: 0 }, deadline, cal))).toBe(iso(deadline.dueAt));
    expect(iso(fireTimeOf({ workingDays: -2 }, deadline, cal))).toBe(iso(at('2026-06-23T00:00:00+02:00'))); // end of Monday 22nd
    expect(iso(fireTimeOf({ workingDays: 2 }, deadline, cal))).toBe(iso(at('2026-06-27T00:00:00+02:00'))); // end of Friday 26th
    expect(iso(fireTimeOf({ calendarDays: 3 }, deadline, cal))).toBe(iso(at('2026-06-28T00:00:00+02:00')));
    expect(iso(fireTimeOf({ hours: -4 }, deadline, cal))).toBe(iso(at('2026-06-24T20:00:00+02:00')));
  });

  it('plans every level of a ladder in order', () => {
    const ladder: EscalationLevel[] = [
      { level: 'reminder', at: { workingDays: -1 }, notify: ['secretariat'] },
      { level: 'manager', at: { workingDays: 0 }, notify: ['manager'] },
    ];
    const plan = planStep({ workingDays: 3 }, ladder, at('2026-06-18T10:00:00+02:00'), cal);
    expect(plan.deadline.dueOn).toBe('2026-06-24');
    expect(plan.levels.map((l) => [l.rung, l.level.level, iso(l.fireAt)])).toEqual([
      [0, 'reminder', iso(at('2026-06-24T00:00:00+02:00'))],
      [1, 'manager', iso(at('2026-06-25T00:00:00+02:00'))],
    ]);
  });
});

describe('deadlineStatus', () => {
  const deadline = deadlineFor({ workingDays: 3 }, at('2026-06-18T10:00:00+02:00'), cal);

  it('counts whole working days left, 0 on the last day, and the days gone once late', () => {
    expect(deadlineStatus(deadline, at('2026-06-18T10:00:00+02:00'), cal)).toEqual({ overdue: false, workingDaysLeft: 3 });
    expect(deadlineStatus(deadline, at('2026-06-20T12:00:00+02:00'), cal)).toEqual({ overdue: false, workingDaysLeft: 3 });
    expect(deadlineStatus(deadline, at('2026-06-22T09:00:00+02:00'), cal)).toEqual({ overdue: false, workingDaysLeft: 2 });
    expect(deadlineStatus(deadline, at('2026-06-24T23:59:59+02:00'), cal)).toEqual({ overdue: false, workingDaysLeft: 0 });
    expect(deadlineStatus(deadline, at('2026-06-25T00:00:00+02:00'), cal)).toEqual({ overdue: true, workingDaysLeft: 0 });
    expect(deadlineStatus(deadline, at('2026-06-26T00:00:00+02:00'), cal)).toEqual({ overdue: true, workingDaysLeft: -1 });
    expect(deadlineStatus(deadline, at('2026-06-29T08:00:00+02:00'), cal)).toEqual({ overdue: true, workingDaysLeft: -2 });
  });
});

describe('ladderOf', () => {
  it('finds the ladder of a nested state, and none where there is none', () => {
    const level: EscalationLevel = { level: 'manager', at: { hours: 0 }, notify: ['manager'] };
    const definition = {
      states: {
        review: {
          meta: { title: { sv: 'G', en: 'R' } },
          states: { reading: { meta: { title: { sv: 'L', en: 'R' }, sla: { hours: 8 }, escalation: [level] } } },
        },
      },
    } as unknown as WorkflowFile;
    expect(ladderOf(definition, 'review.reading')).toEqual([level]);
    expect(ladderOf(definition, 'review')).toEqual([]);
    expect(ladderOf(definition, 'gone')).toEqual([]);
  });
});
