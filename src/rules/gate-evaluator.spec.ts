import type { RuleSetFile } from './rule-set-types.js';
import { factKey } from './fact-key.js';
import { evaluateGate, factRequestsOf } from './gate-evaluator.js';

const values = (facts: Record<string, unknown>) => new Map(Object.entries(facts));

const fieldRule = (id: string, field: string): RuleSetFile['conditions'][number] => ({
  id,
  when: { fact: 'filledFields', operator: 'contains', value: field },
  message: { sv: `${field} saknas (ifyllt: {{filledFields}})`, en: `${field} missing (filled: {{filledFields}})` },
  responsible: 'secretariat',
});

const start: RuleSetFile = { id: 'start', title: { sv: 'Start', en: 'Start' }, conditions: [fieldRule('arena', 'arena'), fieldRule('agreement', 'agreement')] };
const problem: RuleSetFile = { id: 'problem', title: { sv: 'P', en: 'P' }, conditions: [fieldRule('statement', 'problemStatement')] };

describe('evaluateGate', () => {
  it('explains every failing condition, in file order, with its message and the facts it saw', async () => {
    const result = await evaluateGate([start, problem], values({ filledFields: ['goals'] }));
    expect(result.passed).toBe(false);
    expect(result.ruleSets).toEqual([
      { id: 'start', passed: false },
      { id: 'problem', passed: false },
    ]);
    const task = (key: string) => ({ kind: 'setField', status: 'notStarted', fact: 'filledFields', fields: [{ key, label: { sv: key, en: key } }] });
    expect(result.failures).toEqual([
      {
        ruleSet: 'start',
        rule: 'arena',
        message: { sv: 'arena saknas (ifyllt: goals)', en: 'arena missing (filled: goals)' },
        responsible: 'secretariat',
        facts: { filledFields: ['goals'] },
        task: task('arena'),
      },
      {
        ruleSet: 'start',
        rule: 'agreement',
        message: { sv: 'agreement saknas (ifyllt: goals)', en: 'agreement missing (filled: goals)' },
        responsible: 'secretariat',
        facts: { filledFields: ['goals'] },
        task: task('agreement'),
      },
      {
        ruleSet: 'problem',
        rule: 'statement',
        message: { sv: 'problemStatement saknas (ifyllt: goals)', en: 'problemStatement missing (filled: goals)' },
        responsible: 'secretariat',
        facts: { filledFields: ['goals'] },
        task: task('problemStatement'),
      },
    ]);
    expect(result.met).toEqual([]);
  });

  it('passes a rule set once its conditions hold, independently of the others', async () => {
    const result = await evaluateGate([start, problem], values({ filledFields: ['arena', 'agreement'] }));
    expect(result.passed).toBe(false);
    expect(result.ruleSets).toEqual([
      { id: 'start', passed: true },
      { id: 'problem', passed: false },
    ]);
    expect(result.failures.map((f) => f.rule)).toEqual(['statement']);
  });

  it('keeps concurrent evaluations apart (a new Engine per run)', async () => {
    const runs = await Promise.all(Array.from({ length: 50 }, (_, i) => evaluateGate([start], values({ filledFields: i % 2 ? ['arena', 'agreement'] : [] }))));
    runs.forEach((r, i) => {
      expect(r.passed).toBe(i % 2 === 1);
    });
  });

  it('supports all/any/not trees and our list operators', async () => {
    const rs: RuleSetFile = {
      id: 'tree',
      title: { sv: 'T', en: 'T' },
      conditions: [
        {
          id: 'either',
          when: {
            any: [
              { fact: 'filledFields', operator: 'contains', value: 'a' },
              { fact: 'filledFields', operator: 'hasAtLeast', value: 3 },
            ],
          },
          message: { sv: 'x', en: 'x' },
        },
        { id: 'not-empty', when: { not: { fact: 'filledFields', operator: 'isEmpty', value: true } }, message: { sv: 'y', en: 'y' } },
      ],
    };
    expect((await evaluateGate([rs], values({ filledFields: [] }))).failures.map((f) => f.rule)).toEqual(['either', 'not-empty']);
    expect((await evaluateGate([rs], values({ filledFields: ['b', 'c', 'd'] }))).passed).toBe(true);
    expect((await evaluateGate([rs], values({ filledFields: ['a'] }))).passed).toBe(true);
  });

  it('throws UNDEFINED_FACT when the fact layer failed to provide a fact', async () => {
    await expect(evaluateGate([start], values({}))).rejects.toMatchObject({ code: 'UNDEFINED_FACT' });
  });

  it('looks parameterised facts up by their params and explains a list item by item', async () => {
    const rs: RuleSetFile = {
      id: 'identical',
      title: { sv: 'L', en: 'L' },
      conditions: [
        {
          id: 'boards-decided',
          when: { fact: 'boardsMissing', params: { decisionPoint: 'joint-agreement' }, operator: 'isEmpty', value: true },
          each: 'boardsMissing',
          message: { sv: '{{item.label}}: beslut saknas', en: '{{item.label}}: no decision' },
          responsible: 'secretariat',
        },
      ],
    };
    expect(factRequestsOf([rs])).toEqual([{ name: 'boardsMissing', params: { decisionPoint: 'joint-agreement' } }]);
    const facts = new Map<string, unknown>([
      [
        factKey('boardsMissing', { decisionPoint: 'joint-agreement' }),
        [{ label: 'Alvesta kommun – socialnämnden' }, { label: 'Region Kronoberg – regionstyrelsen' }],
      ],
      [factKey('boardsMissing', { decisionPoint: 'other' }), []],
    ]);
    const result = await evaluateGate([rs], facts);
    expect(result.failures.map((f) => f.message.sv)).toEqual([
      'Alvesta kommun – socialnämnden: beslut saknas',
      'Region Kronoberg – regionstyrelsen: beslut saknas',
    ]);
    expect(result.failures[0]!.facts).toEqual({
      'boardsMissing(decisionPoint=joint-agreement)': [{ label: 'Alvesta kommun – socialnämnden' }, { label: 'Region Kronoberg – regionstyrelsen' }],
    });
    expect(result.failures[1]!.item).toEqual({ label: 'Region Kronoberg – regionstyrelsen' });
  });
});
