import type { GateTask } from '../rules/tasks.js';
import { dateInWords } from './domain-words.js';
import { toTaskView } from './task-view.js';

const title = (task: Partial<GateTask> & Pick<GateTask, 'kind'>, lang: 'sv' | 'en' = 'sv') =>
  toTaskView({ status: 'notStarted', fact: null, ...task }, lang, 'meddelandet').title;

describe('toTaskView', () => {
  it('says what to do in words, with labels and names, never keys', () => {
    expect(
      title({ kind: 'setField', fields: [{ key: 'continuationPlan', label: { sv: 'Plan för fortsättningen', en: 'Plan for continuing the work' } }] }),
    ).toBe('Fyll i "Plan för fortsättningen"');
    expect(
      title(
        {
          kind: 'completeGoal',
          goal: { id: 'g', title: 'Halverad ungdomsarbetslöshet' },
          missing: { sv: 'utgångsvärde, måldatum', en: 'baseline, target date' },
        },
        'en',
      ),
    ).toBe('Complete the goal "Halverad ungdomsarbetslöshet": baseline, target date missing');
    expect(title({ kind: 'updateAction', fact: 'actionsWithoutSubgroup', action: { id: 'a', title: 'Trygghetsvandringar' } })).toBe(
      'Ange en undergrupp av berörda parter för åtgärden "Trygghetsvandringar"',
    );
    expect(title({ kind: 'updateAction', fact: 'startedActionCount' })).toBe('Påbörja en åtgärd');
    expect(title({ kind: 'addGoal', kpi: 'N03937' })).toBe('Lägg till ett mål som följs med Koladas nyckeltal N03937');
    expect(title({ kind: 'assignRole', role: 'chair', party: { organisation: 'o', label: 'Region Blekinge' } })).toBe('Utse ordförande för Region Blekinge');
    expect(title({ kind: 'commitResource', party: { organisation: 'o', label: 'Arbetsförmedlingen' } }, 'en')).toBe('Arbetsförmedlingen commits resources');
    expect(title({ kind: 'other' })).toBe('meddelandet');
  });

  it('gives the status in words, and the caller’s status when given', () => {
    const task: GateTask = { kind: 'setField', status: 'notStarted', fact: 'filledFields', fields: [] };
    expect(toTaskView(task, 'sv', '').statusText).toBe('Ej påbörjad');
    expect(toTaskView(task, 'sv', '', 'waitingForOthers')).toMatchObject({ status: 'waitingForOthers', statusText: 'Väntar på annan part' });
  });

  it('writes Swedish dates in words', () => {
    expect(dateInWords('2027-03-03', 'sv')).toBe('3 mars 2027');
    expect(dateInWords('2027-03-03', 'en')).toBe('3 March 2027');
    expect(dateInWords('2027', 'sv')).toBe('2027');
  });
});
