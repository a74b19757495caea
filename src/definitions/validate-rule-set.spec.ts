import { formatProblem } from './definition-error.js';
import { validateRuleSet } from './validate-rule-set.js';

const FILE = 'rules/ready.json';

function ruleSet(): any {
  return {
    id: 'ready',
    title: { sv: 'Klar', en: 'Ready' },
    conditions: [
      {
        id: 'problem-statement',
        when: { fact: 'filledFields', operator: 'contains', value: 'problemStatement' },
        message: { sv: 'Problemformulering saknas (ifyllt: {{filledFields}}).', en: 'Problem statement missing (filled: {{filledFields}}).' },
        responsible: 'secretariat',
      },
      {
        id: 'something-filled',
        when: { not: { fact: 'filledFields', operator: 'isEmpty', value: true } },
        message: { sv: 'Inget är ifyllt.', en: 'Nothing is filled in.' },
      },
    ],
    examples: [
      { name: 'empty', facts: { filledFields: [] }, passes: false, failing: ['problem-statement', 'something-filled'] },
      { name: 'done', facts: { filledFields: ['problemStatement'] }, passes: true },
    ],
  };
}

const messages = async (json: unknown, file = FILE) => (await validateRuleSet(file, json)).map(formatProblem);

describe('validateRuleSet', () => {
  it('accepts a sound rule set whose examples hold', async () => {
    expect(await messages(ruleSet())).toEqual([]);
  });

  it('names unknown facts, operators and roles with what is known', async () => {
    const rs = ruleSet();
    rs.conditions[0].when.fact = 'filledFeilds';
    rs.conditions[1].when.not.operator = 'empty';
    rs.conditions[0].responsible = 'secretary';
    const found = await messages(rs);
    expect(found).toContain(`${FILE}#/conditions/0/when/fact: unknown fact "filledFeilds" (did you mean "filledFields"?)`);
    expect(found).toContain(
      `${FILE}#/conditions/1/when/not/operator: unknown operator "empty" (known: "equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "notIn", "contains", "doesNotContain", "isEmpty", "hasAtLeast")`,
    );
    expect(found).toContain(
      `${FILE}#/conditions/0/responsible: unknown role "secretary" (known: "processOwner", "secretariat", "manager", "steeringGroup", "chair", "member", "observer", "system")`,
    );
  });

  it('checks that operator, fact and value fit together', async () => {
    const rs = ruleSet();
    rs.conditions[0].when = { fact: 'filledFields', operator: 'greaterThan', value: 2 };
    rs.conditions[1].when = { fact: 'filledFields', operator: 'hasAtLeast', value: 'two' };
    const found = await messages(rs);
    expect(found).toEqual([
      `${FILE}#/conditions/0/when/operator: operator "greaterThan" does not work on fact "filledFields", which is a list of texts`,
      `${FILE}#/conditions/1/when/value: operator "hasAtLeast" on fact "filledFields" needs a number, but the value is "two"`,
    ]);
  });

  it('refuses a node with two forms and message placeholders that are not facts', async () => {
    const rs = ruleSet();
    rs.conditions[1].when = { all: [rs.conditions[0].when], fact: 'filledFields' };
    rs.conditions[0].message.sv = 'Saknas: {{missing}}';
    const found = await messages(rs);
    expect(found).toContain(`${FILE}#/conditions/1/when: a condition has exactly one of "fact", "all", "any" or "not", not "all", "fact"`);
    expect(found).toContain(
      `${FILE}#/conditions/0/message/sv: the message inserts "{{missing}}", which is not a known fact (see the fact catalogue: docs/facts.md or GET /facts)`,
    );
  });

  it('runs the examples and reports the ones whose verdict differs', async () => {
    const rs = ruleSet();
    rs.examples[1].facts = { filledFields: ['arena'] };
    rs.examples[0].failing = ['problem-statement'];
    expect(await messages(rs)).toEqual([
      `${FILE}#/examples/0/failing: example "empty" expects failing "problem-statement", but the rules give "problem-statement", "something-filled"`,
      `${FILE}#/examples/1/passes: example "done" says passes=true, but the rules give passes=false (failing: "problem-statement")`,
    ]);
  });

  it('says which fact an example lacks or gives with the wrong type', async () => {
    const rs = ruleSet();
    rs.examples[0].facts = {};
    rs.examples[1].facts = { filledFields: 'problemStatement' };
    const found = await messages(rs);
    expect(found).toContain(`${FILE}#/examples/0/facts: the example does not give fact "filledFields", which the rule set needs`);
    expect(found).toContain(`${FILE}#/examples/1/facts/filledFields: fact "filledFields" is a list of texts, but the example gives "problemStatement"`);
  });

  it('checks the file name and duplicate condition ids', async () => {
    const rs = ruleSet();
    rs.conditions[1].id = 'problem-statement';
    delete rs.examples;
    const found = await messages(rs, 'rules/other.json');
    expect(found).toEqual([
      'rules/other.json#/id: the file must be named "ready.json" after its id, not "other.json"',
      'rules/other.json#/conditions/1/id: the condition id "problem-statement" is used twice in this rule set',
    ]);
  });

  it('does not take names every JavaScript object has for known facts or operators (found by the R7 fuzz)', async () => {
    const rs = ruleSet();
    rs.conditions[0].when = { fact: 'constructor', operator: 'toString', value: 1 };
    rs.conditions[1].when = { fact: 'filledFields', operator: 'hasOwnProperty', value: 1 };
    rs.conditions[0].message.en = 'Missing: {{toString}}';
    delete rs.examples;
    expect(await messages(rs)).toEqual([
      `${FILE}#/conditions/0/when/fact: unknown fact "constructor" (see the fact catalogue: docs/facts.md or GET /facts)`,
      `${FILE}#/conditions/0/when/operator: unknown operator "toString" (known: "equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "notIn", "contains", "doesNotContain", "isEmpty", "hasAtLeast")`,
      `${FILE}#/conditions/0/message/en: the message inserts "{{toString}}", which is not a known fact (see the fact catalogue: docs/facts.md or GET /facts)`,
      `${FILE}#/conditions/1/when/operator: unknown operator "hasOwnProperty" (known: "equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "notIn", "contains", "doesNotContain", "isEmpty", "hasAtLeast")`,
    ]);
  });

  it('never throws, whatever the input', async () => {
    for (const junk of [null, 1, [], { conditions: [null, { when: 5 }] }, { conditions: [{ when: { all: [null] } }] }]) {
      await expect(validateRuleSet(FILE, junk)).resolves.not.toHaveLength(0);
    }
  });

  it('checks fact parameters, "each" and item placeholders', async () => {
    const rs = ruleSet();
    rs.conditions = [
      { id: 'a', when: { fact: 'boardsMissing', operator: 'isEmpty', value: true }, message: { sv: 'x', en: 'x' } },
      { id: 'b', when: { fact: 'boardsMissing', params: { decisionPoint: 'p', board: 'x' }, operator: 'isEmpty', value: true }, message: { sv: 'x', en: 'x' } },
      { id: 'c', when: { fact: 'partyCount', params: { decisionPoint: 'p' }, operator: 'greaterThan', value: 1 }, message: { sv: 'x', en: 'x' } },
      { id: 'd', when: { fact: 'partyCount', operator: 'greaterThan', value: 1 }, each: 'partyCount', message: { sv: '{{item.label}}', en: 'x' } },
      {
        id: 'e',
        when: { fact: 'partiesWithoutGoal', operator: 'isEmpty', value: true },
        each: 'partiesWithoutGoal',
        message: { sv: '{{item.name}}', en: '{{item.label}}' },
      },
      { id: 'f', when: { fact: 'partyCount', operator: 'greaterThan', value: 1 }, message: { sv: '{{item.label}}', en: 'x' } },
    ];
    delete rs.examples;
    expect(await messages(rs)).toEqual([
      `${FILE}#/conditions/0/when: fact "boardsMissing" needs "params" with "decisionPoint"`,
      `${FILE}#/conditions/1/when/params/board: fact "boardsMissing" takes no parameter "board" (it takes "decisionPoint")`,
      `${FILE}#/conditions/2/when/params: fact "partyCount" takes no parameters`,
      `${FILE}#/conditions/3/each: "each" explains a list of items, but fact "partyCount" is a number`,
      `${FILE}#/conditions/3/message/sv: the message inserts "{{item.label}}", but the condition has no "each" naming the list it explains`,
      `${FILE}#/conditions/4/message/sv: the message inserts "{{item.name}}", but the items of "partiesWithoutGoal" have no field "name" (fields: "label", "organisation")`,
      `${FILE}#/conditions/5/message/sv: the message inserts "{{item.label}}", but the condition has no "each" naming the list it explains`,
    ]);
  });
});
