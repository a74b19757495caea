import { WORKFLOW_ROLES } from '../access/roles.js';
import { FACT_CATALOGUE, type FactType } from '../facts/fact-catalogue.js';
import { evaluateGate, factsOfNode } from '../rules/gate-evaluator.js';
import { placeholders } from '../rules/messages.js';
import { OPERATORS } from '../rules/operators.js';
import { type DefinitionProblem, listNames, pointer } from './definition-error.js';
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
    if (isObject(c.message)) {
      for (const lang of ['sv', 'en'] as const) {
        const text = c.message[lang];
        if (typeof text !== 'string') continue;
        for (const name of placeholders(text)) {
          if (!own(FACT_CATALOGUE, name)) say(['conditions', i, 'message', lang], `the message inserts "{{${name}}}", which is not a known fact (known: ${listNames(Object.keys(FACT_CATALOGUE))})`);
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
    for (const key of ['operator', 'value', 'path']) {
      if (node[key] !== undefined) say([...at, key], `"${key}" belongs to a condition with "fact"`);
    }
    return;
  }
  if (typeof node.fact !== 'string') return;
  const fact = own(FACT_CATALOGUE, node.fact);
  if (!fact) {
    say([...at, 'fact'], `unknown fact "${node.fact}" (known: ${listNames(Object.keys(FACT_CATALOGUE))})`);
  }
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
      say([...at, 'value', 'fact'], `unknown fact "${value.fact}" (known: ${listNames(Object.keys(FACT_CATALOGUE))})`);
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
    for (const c of ruleSet.conditions) {
      // A missing fact would make json-rules-engine throw; say which one instead.
      for (const needed of factsOfNode(c.when)) {
        if (!(needed in example.facts)) {
          say(['examples', i, 'facts'], `the example does not give fact "${needed}", which condition "${c.id}" needs`);
          sound = false;
        }
      }
    }
    if (!sound) continue;
    const result = await evaluateGate([ruleSet], example.facts);
    const failing = result.failures.map((f) => f.rule);
    if (result.passed !== example.passes) {
      say(['examples', i, 'passes'], `example "${example.name}" says passes=${example.passes}, but the rules give passes=${result.passed}${failing.length ? ` (failing: ${listNames(failing)})` : ''}`);
    } else if (example.failing && [...example.failing].sort().join() !== [...failing].sort().join()) {
      say(['examples', i, 'failing'], `example "${example.name}" expects failing ${listNames(example.failing)}, but the rules give ${failing.length ? listNames(failing) : 'none'}`);
    }
  }
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
