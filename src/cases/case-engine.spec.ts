import { compileWorkflow } from '../definitions/compile-workflow.js';
import type { RuleSetFile } from '../rules/rule-set-types.js';
import type { WorkflowFile } from '../definitions/workflow-types.js';
import { activeStateIds, candidateTransitions, initialCaseState, step } from './case-engine.js';

const t = (sv: string) => ({ sv, en: sv });
const ruleSet = (id: string): RuleSetFile => ({
  id,
  title: t(id),
  conditions: [{ id: 'x', when: { fact: 'filledFields', operator: 'contains', value: id }, message: t(id) }],
});

const definition: WorkflowFile = {
  id: 'demo',
  version: 1,
  title: t('Demo'),
  initial: 'draft',
  meta: { roles: { ADVANCE: ['secretariat'], CLOSE: ['steeringGroup'], BACK: ['secretariat'] } },
  states: {
    draft: { meta: { title: t('Utkast') }, on: { ADVANCE: { target: 'work', meta: { gate: ['ready'] } } } },
    work: {
      meta: { title: t('Arbete') },
      type: 'parallel',
      states: {
        plan: {
          meta: { title: t('Plan') },
          initial: 'writing',
          states: { writing: { meta: { title: t('Skriver') }, on: { ADVANCE: 'done' } }, done: { type: 'final', meta: { title: t('Klar') } } },
        },
        budget: { meta: { title: t('Budget') }, initial: 'open', states: { open: { meta: { title: t('Öppen') } } } },
      },
      on: {
        BACK: 'draft',
        CLOSE: [{ target: 'closed', guard: 'commentGiven', meta: { gate: ['finished'] } }],
      },
    },
    closed: { type: 'final', meta: { title: t('Stängd') } },
  },
};
const workflow = compileWorkflow(
  definition,
  new Map([
    ['ready', ruleSet('ready')],
    ['finished', ruleSet('finished')],
  ]),
);

describe('case engine', () => {
  const start = initialCaseState(workflow);

  it('starts in the initial state', () => {
    expect(start).toEqual({ value: 'draft', status: 'active' });
    expect(activeStateIds(workflow, start)).toEqual(['draft']);
  });

  it('moves when the gate passed and says which transition it took', () => {
    const outcome = step(workflow, start, { type: 'ADVANCE' }, { ready: true });
    expect(outcome).toMatchObject({ kind: 'moved', from: start, to: { value: { work: { plan: 'writing', budget: 'open' } }, status: 'active' } });
    if (outcome.kind !== 'moved') throw new Error();
    expect(outcome.transition).toMatchObject({ source: 'draft', target: 'work', gate: ['ready'] });
    expect(activeStateIds(workflow, outcome.to)).toEqual(['work', 'work.plan', 'work.plan.writing', 'work.budget', 'work.budget.open']);
  });

  it('is blocked, and says by which rule sets, when the gate failed', () => {
    expect(step(workflow, start, { type: 'ADVANCE' }, { ready: false })).toEqual({
      kind: 'blocked',
      blocked: [{ transition: expect.objectContaining({ target: 'work' }), failedRuleSets: ['ready'] }],
    });
  });

  it('does not accept an event the current state has no transition for, and lists what it accepts', () => {
    expect(step(workflow, start, { type: 'CLOSE' }, {})).toEqual({ kind: 'notAccepted', accepted: ['ADVANCE'] });
  });

  it('runs inner transitions first and parent transitions from any child', () => {
    const [work] = [step(workflow, start, { type: 'ADVANCE' }, { ready: true })];
    if (work.kind !== 'moved') throw new Error();
    const inner = step(workflow, work.to, { type: 'ADVANCE' }, {});
    expect(inner).toMatchObject({ kind: 'moved', to: { value: { work: { plan: 'done', budget: 'open' } } } });
    const back = step(workflow, work.to, { type: 'BACK' }, {});
    expect(back).toMatchObject({ kind: 'moved', to: { value: 'draft' } });
  });

  it('needs both the guard and the gate of a guarded, gated transition', () => {
    const work = step(workflow, start, { type: 'ADVANCE' }, { ready: true });
    if (work.kind !== 'moved') throw new Error();
    expect(step(workflow, work.to, { type: 'CLOSE' }, { finished: true })).toMatchObject({
      kind: 'blocked',
      blocked: [{ failedRuleSets: [], failedGuard: 'commentGiven' }],
    });
    expect(step(workflow, work.to, { type: 'CLOSE', comment: 'Klart' }, { finished: false })).toMatchObject({
      kind: 'blocked',
      blocked: [{ failedRuleSets: ['finished'] }],
    });
    const closed = step(workflow, work.to, { type: 'CLOSE', comment: 'Klart' }, { finished: true });
    expect(closed).toMatchObject({ kind: 'moved', to: { value: 'closed', status: 'done' } });
    if (closed.kind !== 'moved') throw new Error();
    expect(step(workflow, closed.to, { type: 'BACK' }, {})).toEqual({ kind: 'done' });
    expect(candidateTransitions(workflow, closed.to)).toEqual([]);
  });

  it('works on a state that went through JSON, as stored in the database', () => {
    const moved = step(workflow, start, { type: 'ADVANCE' }, { ready: true });
    if (moved.kind !== 'moved') throw new Error();
    const stored = JSON.parse(JSON.stringify(moved.to));
    expect(step(workflow, stored, { type: 'BACK' }, {})).toMatchObject({ kind: 'moved', to: { value: 'draft' } });
  });
});
