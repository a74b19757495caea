import { FACT_CATALOGUE } from './fact-catalogue.js';
import { evaluateGate } from './gate-evaluator.js';
import { factKey } from './fact-key.js';
import type { RuleSetFile } from './rule-set-types.js';
import { TASK_KINDS, TASK_STATUSES } from './task-kinds.js';
import { taskOf } from './tasks.js';
import { vocabularyFrom } from './vocabulary.js';

const t = (sv: string, en = sv) => ({ sv, en });
const VOCABULARY = vocabularyFrom(
  [{ key: 'continuationPlan', type: 'longText', label: t('Plan för fortsättningen', 'Plan for continuing the work') }],
  [
    { key: 'agreement', label: t('Avtal', 'Agreement') },
    { key: 'declarationOfIntent', label: t('Avsiktsförklaring', 'Declaration of intent') },
    { key: 'problemStatement', label: t('Problemformulering', 'Problem statement') },
  ],
);

describe('the task of every fact', () => {
  it('every fact of the catalogue says which kind of task satisfies it, with a known kind and status', () => {
    for (const [name, info] of Object.entries(FACT_CATALOGUE)) {
      expect(`${name}: ${String(info.task?.kind)}`).toBe(`${name}: ${TASK_KINDS.find((k) => k === info.task?.kind) ?? 'missing'}`);
      const statuses =
        typeof info.task.status === 'string' ? [info.task.status] : [...Object.values(info.task.status.byItemStatus), info.task.status.otherwise];
      for (const status of statuses) expect(TASK_STATUSES).toContain(status);
    }
  });
});

describe('taskOf', () => {
  const values = (facts: Record<string, unknown>) => new Map(Object.entries(facts));

  it('a field: setField with its key and the workflow’s label', () => {
    const task = taskOf(
      { id: 'plan', when: { fact: 'filledFields', operator: 'contains', value: 'continuationPlan' }, message: t('x') },
      values({ filledFields: ['arena'] }),
      VOCABULARY,
    );
    expect(task).toEqual({
      kind: 'setField',
      status: 'notStarted',
      fact: 'filledFields',
      fields: [{ key: 'continuationPlan', label: t('Plan för fortsättningen', 'Plan for continuing the work') }],
    });
  });

  it('either of two document kinds: registerDocument with both, any one will do', () => {
    const when = {
      any: [
        { fact: 'documentKinds', operator: 'contains', value: 'agreement' },
        { fact: 'documentKinds', operator: 'contains', value: 'declarationOfIntent' },
      ],
    };
    const task = taskOf({ id: 'formal', when, message: t('x') }, values({ documentKinds: [] }), VOCABULARY);
    expect(task).toMatchObject({
      kind: 'registerDocument',
      status: 'notStarted',
      anyOf: true,
      documentKinds: [{ key: 'agreement', label: t('Avtal', 'Agreement') }, { key: 'declarationOfIntent' }],
    });
  });

  it('a party that has not endorsed: signDocument, the kind from the parameter, the party, its documents and everyone still to sign', () => {
    const when = { fact: 'partiesNotEndorsed', params: { documentKind: 'problemStatement' }, operator: 'isEmpty', value: true };
    const list = [
      { label: 'Växjö kommun', organisation: 'o1', documents: ['d1'] },
      { label: 'Alvesta kommun', organisation: 'o2', documents: ['d1'] },
    ];
    const task = taskOf(
      { id: 'endorsed', when, message: t('x'), each: 'partiesNotEndorsed' },
      values({ [factKey('partiesNotEndorsed', { documentKind: 'problemStatement' })]: list }),
      VOCABULARY,
      list[1],
    );
    expect(task).toEqual({
      kind: 'signDocument',
      status: 'notStarted',
      fact: 'partiesNotEndorsed',
      documentKinds: [{ key: 'problemStatement', label: t('Problemformulering', 'Problem statement') }],
      party: { organisation: 'o2', label: 'Alvesta kommun' },
      documents: ['d1'],
    });
    // Explained as a whole (no `each`): the task names every party still to sign.
    const whole = taskOf(
      { id: 'endorsed', when, message: t('x') },
      values({ [factKey('partiesNotEndorsed', { documentKind: 'problemStatement' })]: list }),
      VOCABULARY,
    );
    expect(whole.signers).toEqual([
      { organisation: 'o1', label: 'Växjö kommun' },
      { organisation: 'o2', label: 'Alvesta kommun' },
    ]);
  });

  it('a board: recordDecision with the decision point, the board and its differing words, and every board listed', () => {
    const when = { fact: 'decisionTextDifferences', params: { decisionPoint: 'joint-agreement' }, operator: 'isEmpty', value: true };
    const item = { label: 'Alvesta kommun – socialnämnden', board: 'b1', organisation: 'o1', words: '14–15', missingWords: 'och förebyggande', extraWords: '' };
    const task = taskOf(
      { id: 'texts', when, message: t('x'), each: 'decisionTextDifferences' },
      values({ [factKey('decisionTextDifferences', { decisionPoint: 'joint-agreement' })]: [item] }),
      VOCABULARY,
      item,
    );
    expect(task).toMatchObject({
      kind: 'recordDecision',
      status: 'inProgress',
      decisionPoint: 'joint-agreement',
      board: { id: 'b1', words: '14–15', missingWords: 'och förebyggande' },
    });
    expect(task.party).toBeUndefined();
    expect(task.boards).toBeUndefined();
    const whole = taskOf(
      { id: 'texts', when, message: t('x') },
      values({ [factKey('decisionTextDifferences', { decisionPoint: 'joint-agreement' })]: [item] }),
      VOCABULARY,
    );
    expect(whole.boards).toMatchObject([{ id: 'b1', label: 'Alvesta kommun – socialnämnden' }]);
  });

  it('statuses from the facts: a missing decision has not started, an announced one waits for its appeal period, some parties but not enough is in progress', () => {
    const notFinal = { fact: 'decisionsNotFinal', params: { decisionPoint: 'p' }, operator: 'isEmpty', value: true };
    const key = factKey('decisionsNotFinal', { decisionPoint: 'p' });
    const of = (status: string) =>
      taskOf({ id: 'final', when: notFinal, message: t('x'), each: 'decisionsNotFinal' }, values({ [key]: [] }), VOCABULARY, {
        label: 'B',
        board: 'b',
        organisation: 'o',
        status,
        finalFrom: '2027-03-08',
      }).status;
    expect([of('none'), of('decided'), of('announced'), of('appealed')]).toEqual(['notStarted', 'inProgress', 'waitingForOthers', 'waitingForOthers']);
    const count = (n: number) =>
      taskOf(
        { id: 'parties', when: { fact: 'partyCount', operator: 'greaterThanInclusive', value: 2 }, message: t('x') },
        values({ partyCount: n }),
        VOCABULARY,
      ).status;
    expect([count(0), count(1)]).toEqual(['notStarted', 'inProgress']);
  });

  it('other: comparisons of different kinds, or under a not', () => {
    const mixed = {
      all: [
        { fact: 'partyCount', operator: 'greaterThan', value: 1 },
        { fact: 'goalCount', operator: 'greaterThan', value: 0 },
      ],
    };
    expect(taskOf({ id: 'm', when: mixed, message: t('x') }, values({ partyCount: 0, goalCount: 0 }), VOCABULARY)).toEqual({
      kind: 'other',
      status: 'notStarted',
      fact: 'partyCount',
    });
    const negated = { not: { fact: 'filledFields', operator: 'contains', value: 'continuationPlan' } };
    expect(taskOf({ id: 'n', when: negated, message: t('x') }, values({ filledFields: [] }), VOCABULARY).kind).toBe('other');
  });

  it('a gate lists its unmet conditions with tasks, and the met ones done', async () => {
    const rules: RuleSetFile = {
      id: 'plan-ready',
      title: t('Planen'),
      conditions: [
        { id: 'plan', when: { fact: 'filledFields', operator: 'contains', value: 'continuationPlan' }, message: t('Fyll i "{{field.continuationPlan}}".') },
        { id: 'goal', when: { fact: 'goalCount', operator: 'greaterThanInclusive', value: 1 }, message: t('Inget mål.') },
      ],
    };
    const result = await evaluateGate([rules], values({ filledFields: [], goalCount: 1 }), VOCABULARY);
    expect(result.failures.map((f) => [f.message.sv, f.task.kind, f.task.status])).toEqual([['Fyll i "Plan för fortsättningen".', 'setField', 'notStarted']]);
    expect(result.met).toEqual([{ ruleSet: 'plan-ready', rule: 'goal', task: { kind: 'addGoal', status: 'done', fact: 'goalCount' } }]);
  });
});
