import { WORKFLOW_ROLES } from '../access/roles.js';
import { FACT_CATALOGUE, type FactInfo, type FactType } from '../facts/fact-catalogue.js';
import { factKey } from '../facts/fact-key.js';
import { evaluateGate, factRequestsOf } from '../rules/gate-evaluator.js';
import { placeholders } from '../rules/messages.js';
import { OPERATORS } from '../rules/operators.js';
import { type DefinitionProblem, knownOrSuggested, listNames, pointer } from './definition-error.js';
import type { RuleSetFile } from './rule-set-types.js';
import { describeValue, schemaChecker } from './schema-check.js';
import { ruleSetSchema } from './schemas.js';
import { own } from '../common/own.js';

const checkSchema = schemaChecker(ruleSetSchema);

type Say = (segments: Array<string | number>, message: string) => void;

/**
 * Validates a rule set file: schema, then facts and operators against the fact catalogue, the
 * message placeholders, the responsible roles, and finally runs the file's own `examples` and
 * reports any whose verdict differs from what the file says.
 *
 * Pure apart from being async (the examples run json-rules-engine). Never throws on bad input.
 */
export async function validateRuleSet(file: string, json: unknown): Promise<DefinitionProblem[]> {
  const problems = checkSchema(file, json);
  if (!isObject(json)) return problems;
  const say: Say = (segments, message) => problems.push({ file, pointer: pointer(...segments), message });

  const base = file.split(/[\\/]/).pop() ?? file;
  if (typeof json.id === 'string' && base !== `${json.id}.json`) {
    say(['id'], `the file must be named "${json.id}.json" after its id, not "${base}"`);
  }
  const conditions = Array.isArray(json.conditions) ? json.conditions : [];
  const seenIds = new Set<string>();
  conditions.forEach((c: unknown, i: number) => {
    if (!isObject(c)) return;
    if (typeof c.id === 'string') {
      if (seenIds.has(c.id)) say(['conditions', i, 'id'], `the condition id "${c.id}" is used twice in this rule set`);
      seenIds.add(c.id);
    }
    checkNode(c.when, ['conditions', i, 'when'], say);
    const each = checkEach(c.each, ['conditions', i, 'each'], say);
    if (isObject(c.message)) {
      for (const lang of ['sv', 'en'] as const) {
        const text = c.message[lang];
        if (typeof text !== 'string') continue;
        for (const p of placeholders(text)) {
          if (p.item) {
            if (!each) say(['conditions', i, 'message', lang], `the message inserts "{{item.${p.name}}}", but the condition has no "each" naming the list it explains`);
            else if (!(each.itemFields ?? []).includes(p.name)) say(['conditions', i, 'message', lang], `the message inserts "{{item.${p.name}}}", but the items of "${String(c.each)}" have no field "${p.name}" (fields: ${listNames(each.itemFields ?? [])})`);
          } else if (!own(FACT_CATALOGUE, p.name)) {
            say(['conditions', i, 'message', lang], `the message inserts "{{${p.name}}}", which is not a known fact ${knownFacts(p.name)}`);
          }
        }
      }
    }
    if (typeof c.responsible === 'string' && !WORKFLOW_ROLES.includes(c.responsible)) {
      say(['conditions', i, 'responsible'], `unknown role "${c.responsible}" (known: ${listNames(WORKFLOW_ROLES)})`);
    }
  });

  // Only run the examples of a file that is otherwise sound: a broken rule would only add noise.
  if (problems.length === 0 && Array.isArray(json.examples)) {
    await checkExamples(json as unknown as RuleSetFile, say);
  }
  return problems;
}

function checkNode(node: unknown, at: Array<string | number>, say: Say): void {
  if (!isObject(node)) return;
  const forms = ['all', 'any', 'not', 'fact'].filter((k) => node[k] !== undefined);
  if (forms.length !== 1) {
    say(at, forms.length === 0
      ? 'a condition needs one of "fact" (with "operator" and "value"), "all", "any" or "not"'
      : `a condition has exactly one of "fact", "all", "any" or "not", not ${listNames(forms)}`);
    return;
  }
  if (Array.isArray(node.all)) node.all.forEach((n, i) => checkNode(n, [...at, 'all', i], say));
  if (Array.isArray(node.any)) node.any.forEach((n, i) => checkNode(n, [...at, 'any', i], say));
  if (node.not !== undefined) checkNode(node.not, [...at, 'not'], say);
  if (node.fact === undefined) {
    for (const key of ['operator', 'value', 'path', 'params']) {
      if (node[key] !== undefined) say([...at, key], `"${key}" belongs to a condition with "fact"`);
    }
    return;
  }
  if (typeof node.fact !== 'string') return;
  const fact = own(FACT_CATALOGUE, node.fact);
  if (!fact) {
    say([...at, 'fact'], `unknown fact "${node.fact}" ${knownFacts(node.fact)}`);
  }
  if (fact) checkParams(node.fact, fact.params, node.params, at, say);
  if (node.operator === undefined) say(at, 'missing required key "operator"');
  if (!('value' in node)) say(at, 'missing required key "value"');
  if (typeof node.operator !== 'string') return;
  const op = own(OPERATORS, node.operator);
  if (!op) {
    say([...at, 'operator'], `unknown operator "${node.operator}" (known: ${listNames(Object.keys(OPERATORS))})`);
    return;
  }
  const value = node.value;
  if (isObject(value) && 'fact' in value) {
    if (typeof value.fact === 'string' && !own(FACT_CATALOGUE, value.fact)) {
      say([...at, 'value', 'fact'], `unknown fact "${value.fact}" ${knownFacts(value.fact)}`);
    }
    return;
  }
  // With a JSONPath the type of what is compared is not the fact's type: only the operator is checked.
  if (!fact || node.path !== undefined) return;
  if (op.factTypes !== 'any' && !op.factTypes.includes(fact.type)) {
    say([...at, 'operator'], `operator "${node.operator}" does not work on fact "${node.fact}", which is ${typeWords(fact.type)}`);
    return;
  }
  const valueProblem = checkValue(op.value, value, fact.type);
  if (valueProblem) say([...at, 'value'], `operator "${node.operator}" on fact "${node.fact}" needs ${valueProblem}, but the value is ${describeValue(value)}`);
}

/** A condition gives exactly the parameters its fact takes, each a text. */
function checkParams(factName: string, expected: FactInfo['params'], given: unknown, at: Array<string | number>, say: Say): void {
  const names = Object.keys(expected ?? {});
  if (given === undefined) {
    if (names.length) say(at, `fact "${factName}" needs "params" with ${listNames(names)}`);
    return;
  }
  if (!isObject(given)) return; // the schema has said it
  if (!names.length) {
    say([...at, 'params'], `fact "${factName}" takes no parameters`);
    return;
  }
  for (const name of names) if (given[name] === undefined) say([...at, 'params'], `fact "${factName}" needs the parameter "${name}"`);
  for (const name of Object.keys(given)) if (!names.includes(name)) say([...at, 'params', name], `fact "${factName}" takes no parameter "${name}" (it takes ${listNames(names)})`);
}

/** `each` names a list-of-objects fact; returns it so the message placeholders can be checked. */
function checkEach(each: unknown, at: Array<string | number>, say: Say): FactInfo | undefined {
  if (typeof each !== 'string') return undefined;
  const fact = own(FACT_CATALOGUE, each);
  if (!fact) {
    say(at, `unknown fact "${each}" ${knownFacts(each)}`);
    return undefined;
  }
  if (fact.type !== 'object[]') {
    say(at, `"each" explains a list of items, but fact "${each}" is ${typeWords(fact.type)}`);
    return undefined;
  }
  return fact;
}

function checkValue(expected: string, value: unknown, factType: FactType): string | undefined {
  switch (expected) {
    case 'number':
      return typeof value === 'number' ? undefined : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'array':
      return Array.isArray(value) ? undefined : 'a list of values';
    case 'element':
      return factType === 'string[]' && typeof value !== 'string' ? 'a text (an element of the list)' : undefined;
    case 'same':
      return matchesType(value, factType) ? undefined : typeWords(factType);
    default:
      return undefined;
  }
}

async function checkExamples(ruleSet: RuleSetFile, say: Say): Promise<void> {
  for (const [i, example] of (ruleSet.examples ?? []).entries()) {
    let sound = true;
    for (const [name, value] of Object.entries(example.facts)) {
      const fact = own(FACT_CATALOGUE, name);
      if (!fact) {
        say(['examples', i, 'facts', name], `unknown fact "${name}"`);
        sound = false;
      } else if (!matchesType(value, fact.type)) {
        say(['examples', i, 'facts', name], `fact "${name}" is ${typeWords(fact.type)}, but the example gives ${describeValue(value)}`);
        sound = false;
      }
    }
    // A missing fact would make json-rules-engine throw; say which one instead.
    const requests = factRequestsOf([ruleSet]);
    for (const needed of new Set(requests.map((q) => q.name))) {
      if (!(needed in example.facts)) {
        say(['examples', i, 'facts'], `the example does not give fact "${needed}", which the rule set needs`);
        sound = false;
      }
    }
    if (!sound) continue;
    // An example gives each fact once; it stands for the fact whatever params a condition gives.
    const values = new Map(requests.map((q) => [factKey(q.name, q.params), example.facts[q.name]]));
    const result = await evaluateGate([ruleSet], values);
    const failing = result.failures.map((f) => f.rule);
    if (result.passed !== example.passes) {
      say(['examples', i, 'passes'], `example "${example.name}" says passes=${example.passes}, but the rules give passes=${result.passed}${failing.length ? ` (failing: ${listNames(failing)})` : ''}`);
    } else if (example.failing && [...example.failing].sort().join() !== [...failing].sort().join()) {
      say(['examples', i, 'failing'], `example "${example.name}" expects failing ${listNames(example.failing)}, but the rules give ${failing.length ? listNames(failing) : 'none'}`);
    }
  }
}

function knownFacts(name: string): string {
  return knownOrSuggested(name, Object.keys(FACT_CATALOGUE), 'the fact catalogue: README "Facts" or GET /facts');
}

/** Whether a JSON value has a catalogue type. */
export function matchesType(value: unknown, type: FactType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return isObject(value);
    case 'object[]':
      return Array.isArray(value) && value.every(isObject);
  }
}

function typeWords(type: FactType): string {
  return {
    number: 'a number',
    boolean: 'true or false',
    string: 'a text',
    'string[]': 'a list of texts',
    object: 'an object',
    'object[]': 'a list of objects',
  }[type];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
