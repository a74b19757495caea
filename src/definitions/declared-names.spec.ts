import { join } from 'node:path';
import { formatProblem, problemIn } from './definition-error.js';
import { loadAndValidate } from './definition-files.js';
import { validateWorkflow } from './validate-workflow.js';
import { namesInRuleSet } from '../rules/references.js';
import { placeholders, renderMessage } from '../rules/messages.js';
import type { RuleSetFile } from '../rules/rule-set-types.js';
import { documentKindsOf, labelOf, vocabularyFrom } from '../rules/vocabulary.js';

const t = (sv: string, en = sv) => ({ sv, en });

const RULES: RuleSetFile = {
  id: 'plan-ready',
  title: t('Planen är klar'),
  conditions: [
    {
      id: 'plan',
      when: { fact: 'filledFields', operator: 'contains', value: 'continuationPlan' },
      message: t('Fyll i "{{field.continuationPlan}}".', 'Fill in "{{field.continuationPlan}}".'),
    },
    {
      id: 'signed',
      when: {
        any: [
          { fact: 'documentKinds', operator: 'contains', value: 'agreement' },
          { fact: 'partiesNotEndorsed', params: { documentKind: 'problemStatement' }, operator: 'isEmpty', value: true },
        ],
      },
      message: t('Registrera "{{documentKind.agreement}}".'),
    },
  ],
};

function workflow(meta: Record<string, unknown>): any {
  return {
    id: 'plan',
    version: 1,
    title: t('Plan'),
    initial: 'draft',
    meta: { roles: { ADVANCE: ['secretariat'] }, ...meta },
    states: {
      draft: { meta: { title: t('Utkast') }, on: { ADVANCE: { target: 'done', meta: { gate: ['plan-ready'] } } } },
      done: { type: 'final', meta: { title: t('Klar') } },
    },
  };
}

const FILE = 'workflows/plan.v1.json';
const ctx = { ruleSetIds: new Set(['plan-ready']), ruleSets: new Map([['plan-ready', RULES]]) };
const DECLARED = {
  fields: [
    {
      key: 'continuationPlan',
      type: 'longText' as const,
      label: t('Plan för fortsättningen', 'Plan for continuing the work'),
      help: t('Hur hålls arbetet vid liv?'),
    },
  ],
  documentKinds: [
    { key: 'agreement', label: t('Avtal', 'Agreement') },
    { key: 'problemStatement', label: t('Problemformulering', 'Problem statement') },
  ],
};

describe('case fields and document kinds a workflow declares', () => {
  it('finds every field and kind a rule set names: in values, in parameters and in message placeholders', () => {
    expect(namesInRuleSet(RULES).map((r) => `${r.kind} ${r.key} /${r.at.join('/')}`)).toEqual([
      'field continuationPlan /conditions/0/when/value',
      'field continuationPlan /conditions/0/message/sv',
      'field continuationPlan /conditions/0/message/en',
      'documentKind agreement /conditions/1/when/any/0/value',
      'documentKind problemStatement /conditions/1/when/any/1/params/documentKind',
      'documentKind agreement /conditions/1/message/sv',
      'documentKind agreement /conditions/1/message/en',
    ]);
  });

  it('accepts a workflow that declares what its gates name', () => {
    expect(validateWorkflow(FILE, workflow(DECLARED), ctx).map(formatProblem)).toEqual([]);
  });

  it('refuses a gate naming a field or kind the workflow does not declare, once per name, at the gate, in Swedish and English', () => {
    const problems = validateWorkflow(FILE, workflow({ fields: [], documentKinds: [DECLARED.documentKinds[0]] }), ctx);
    expect(problems.map(formatProblem)).toEqual([
      `${FILE}#/states/draft/on/ADVANCE/meta/gate/0: rule set "plan-ready" names the field "continuationPlan" (rules/plan-ready.json#/conditions/0/when/value), which the workflow does not declare; add it to "meta.fields" with a label in Swedish and English (declared fields: none)`,
      `${FILE}#/states/draft/on/ADVANCE/meta/gate/0: rule set "plan-ready" names the document kind "problemStatement" (rules/plan-ready.json#/conditions/1/when/any/1/params/documentKind), which the workflow does not declare; add it to "meta.documentKinds" with a label in Swedish and English (declared document kinds: "agreement")`,
    ]);
    expect(problemIn(problems[0]!, 'sv').message).toBe(
      'regeluppsättningen "plan-ready" nämner fältet "continuationPlan" (rules/plan-ready.json#/conditions/0/when/value), men arbetsflödet deklarerar det inte; lägg till det i "meta.fields" med etikett på svenska och engelska (deklarerade fält: inga)',
    );
  });

  it('checks the declarations: types, labels, keys declared once, and kinds a document can have', () => {
    const wf = workflow({
      fields: [
        { key: 'continuationPlan', type: 'essay', label: t('Plan') },
        { key: 'constructor', type: 'text', label: t('x') },
        { key: 'Bad', type: 'text', label: t('x') },
        { key: 'noLabel', type: 'text' },
        { key: 'continuationPlan', type: 'text', label: t('Igen') },
      ],
      documentKinds: [...DECLARED.documentKinds, { key: 'memo', label: t('PM') }],
    });
    expect(validateWorkflow(FILE, wf, ctx).map(formatProblem)).toEqual([
      `${FILE}#/meta/fields/0/type: must be one of "text", "longText", "date", "number", "boolean", but is "essay"`,
      `${FILE}#/meta/fields/2/key: "Bad" does not have the required form (lowerCamelCase, e.g. "jointProblem")`,
      `${FILE}#/meta/fields/3: missing required key "label"`,
      `${FILE}#/meta/documentKinds/2/key: must be one of "agreement", "declarationOfIntent", "problemStatement", "situationAnalysis", "plan", "followUpReport", "steeringDocument", "decision", "other", but is "memo"`,
      `${FILE}#/meta/fields/1/key: "constructor" is a reserved name (every JavaScript object has a member of that name); choose another key`,
      `${FILE}#/meta/fields/4/key: the field "continuationPlan" is already declared in element 0; declare it once`,
    ]);
  });

  it('fills {{field.key}} and {{documentKind.key}} with the workflow’s labels, never the key', () => {
    const vocabulary = vocabularyFrom(DECLARED.fields, DECLARED.documentKinds);
    expect(renderMessage(RULES.conditions[0]!.message, () => undefined, undefined, vocabulary)).toEqual({
      sv: 'Fyll i "Plan för fortsättningen".',
      en: 'Fill in "Plan for continuing the work".',
    });
    expect(placeholders('{{partyCount}} {{item.label}} {{field.arena}} {{documentKind.agreement}}').map((p) => p.scope)).toEqual([
      'fact',
      'item',
      'field',
      'documentKind',
    ]);
    // A kind the workflow does not declare keeps its default label; a field has none, so its key shows.
    expect(labelOf(vocabulary, 'documentKind', 'followUpReport').sv).toBe('Uppföljningsrapport');
    expect(labelOf(vocabulary, 'field', 'other').sv).toBe('other');
    expect(
      documentKindsOf(vocabulary)
        .map((k) => `${k.key}${k.declared ? '*' : ''}`)
        .slice(0, 4),
    ).toEqual(['agreement*', 'problemStatement*', 'declarationOfIntent', 'situationAnalysis']);
  });

  it('the shipped messages name fields and kinds by label: no message quotes a key a workflow declares', async () => {
    const root = process.cwd();
    for (const [workflows, rules] of [
      ['workflows', 'rules'],
      ['bench/workflows', 'bench/rules'],
    ]) {
      const loaded = await loadAndValidate(join(root, workflows!), join(root, rules!), root);
      expect(loaded.problems.map(formatProblem)).toEqual([]);
      for (const { definition } of loaded.workflows) {
        const keys = [...(definition.meta?.fields ?? []), ...(definition.meta?.documentKinds ?? [])].map((d) => d.key);
        for (const ruleSet of loaded.ruleSets.values()) {
          for (const c of ruleSet.conditions)
            for (const key of keys) expect(`${ruleSet.id}/${c.id}: ${c.message.sv} ${c.message.en}`).not.toContain(`"${key}"`);
        }
      }
    }
  });
});
