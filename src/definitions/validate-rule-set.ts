import { WORKFLOW_ROLES } from '../access/roles.js';
import { FACT_CATALOGUE, type FactInfo, type FactType } from '../facts/fact-catalogue.js';
import { factKey } from '../facts/fact-key.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { factRequestsOf, failingConditions } from '../rules/gate-evaluator.js';
import { parseJsonPath } from '../rules/json-path.js';
import { placeholders } from '../rules/messages.js';
import { OPERATORS } from '../rules/operators.js';
import { type DefinitionProblem, knownOrSuggested, listNames, pointer } from './definition-error.js';
import { type ChildrenOf, countNodes, DEFINITION_LIMITS as LIMITS, fileShapeProblem, firstTooDeep, jsonBytes, jsonChildren, type Segments } from './definition-limits.js';
import type { RuleSetFile } from './rule-set-types.js';
import { describeValue, schemaChecker } from './schema-check.js';
import { ruleSetSchema } from './schemas.js';
import { own } from '../common/own.js';

const checkSchema = schemaChecker(ruleSetSchema);

type Say = (segments: Segments, message: string) => void;

/**
 * Validates a rule set file: its nesting (before anything walks it recursively), schema, then
 * facts and operators against the fact catalogue, paths against the JSONPath subset, the limits
 * of {@link LIMITS}, the message placeholders, the responsible roles, and finally runs the file's
 * own `examples` and reports any whose verdict differs from what the file says.
 *
 * Pure apart from being async (the examples run json-rules-engine, yielding to other work between
 * examples and stopping after `LIMITS.examplesMillis`). Never throws on bad input.
 */
export async function validateRuleSet(file: string, json: unknown): Promise<DefinitionProblem[]> {
  // Each rule set is its own short turn of the event loop, when a request sends several.
  await nextTurn();
  const tooBig = sizeProblems(file, json);
  if (tooBig.length) return tooBig;
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

  if (Array.isArray(json.examples)) {
    for (const [i, example] of json.examples.entries()) {
      await nextTurn(); // measuring an example's facts is a turn of its own
      checkExampleSize(example, i, say);
    }
  }
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
  if (typeof node.path === 'string') checkPath(node.path, [...at, 'path'], say);
  checkValueSize(node.value, [...at, 'value'], say);
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
    checkFactReference(value, [...at, 'value'], say);
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

/**
 * A `value` of the form `{fact, params?, path?}` compares with another fact: json-rules-engine
 * reads that fact (and evaluates its path) too, so it is held to what a condition's own fact is.
 */
function checkFactReference(value: Record<string, unknown>, at: Segments, say: Say): void {
  for (const key of Object.keys(value)) {
    if (!['fact', 'params', 'path'].includes(key)) say([...at, key], `unknown key "${key}" in a fact reference (allowed: "fact", "params", "path")`);
  }
  if (typeof value.fact !== 'string') say([...at, 'fact'], 'a fact reference names a fact: "fact" must be a text');
  else if (!own(FACT_CATALOGUE, value.fact)) say([...at, 'fact'], `unknown fact "${value.fact}" ${knownFacts(value.fact)}`);
  if (value.path !== undefined) {
    if (typeof value.path === 'string') checkPath(value.path, [...at, 'path'], say);
    else say([...at, 'path'], 'a path is a text starting with "$"');
  }
  if (value.params !== undefined && (!isObject(value.params) || Object.values(value.params).some((v) => typeof v !== 'string'))) {
    say([...at, 'params'], 'the parameters of a fact are an object of texts');
  }
}

/** A path is refused unless it is of the small JSONPath subset that `resolveJsonPath` evaluates. */
function checkPath(path: string, at: Segments, say: Say): void {
  const parsed = parseJsonPath(path);
  if ('problem' in parsed) say(at, parsed.problem);
}

/** A condition's `value` is small: json-rules-engine copies it into every result. */
function checkValueSize(value: unknown, at: Segments, say: Say): void {
  const bytes = jsonBytes(value, LIMITS.valueDepth);
  if (bytes === undefined) say(at, `a value is nested at most ${LIMITS.valueDepth} levels deep`);
  else if (bytes > LIMITS.valueBytes) say(at, `a value is at most ${LIMITS.valueBytes} characters as JSON, but this one is ${bytes}`);
}

/** An example's facts are bounded in nesting and size, so that running the example is cheap. */
function checkExampleSize(example: unknown, i: number, say: Say): void {
  if (!isObject(example) || !isObject(example.facts)) return; // the schema has said it
  const deep = firstTooDeep(example.facts, LIMITS.exampleFactDepth + 1, jsonChildren, 1);
  if (deep) {
    say(['examples', i, 'facts', ...deep], `the facts of an example are nested at most ${LIMITS.exampleFactDepth} levels deep (a list of items with fields is 2)`);
    return;
  }
  const bytes = JSON.stringify(example.facts).length;
  if (bytes > LIMITS.exampleBytes) say(['examples', i, 'facts'], `the facts of an example are at most ${LIMITS.exampleBytes} characters as JSON, but these are ${bytes}`);
}

/** The parts inside a condition: those of `all`, `any` and `not`. */
const conditionChildren: ChildrenOf = (node, visit) => {
  if (!isObject(node)) return;
  for (const key of ['all', 'any'] as const) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((n, i) => visit([key, i], n));
  }
  if (node.not !== undefined) visit(['not'], node.not);
};

/**
 * What the recursive checks (the JSON Schema, `checkNode`) and json-rules-engine must not meet:
 * conditions nested too deep, too many conditions, parts or examples, or anything nested deeper
 * than a file may be. Measured without recursion, each walk stopping at its limit, so that a file
 * of any size costs no more than its own length; when there is any, it is all that is reported.
 * The facts of examples are left to {@link checkExampleSize}: nothing walks them before the
 * examples run.
 */
function sizeProblems(file: string, json: unknown): DefinitionProblem[] {
  if (!isObject(json)) return [];
  const problems: DefinitionProblem[] = [];
  const conditions = Array.isArray(json.conditions) ? json.conditions : [];
  for (const [key, max, what] of [['conditions', LIMITS.conditions, 'conditions'], ['examples', LIMITS.examples, 'examples']] as const) {
    const list = json[key];
    if (Array.isArray(list) && list.length > max) problems.push({ file, pointer: pointer(key), message: `a rule set has at most ${max} ${what}, but this one has ${list.length}` });
  }
  if (problems.length) return problems;
  let parts = 0;
  conditions.forEach((c: unknown, i: number) => {
    if (!isObject(c)) return;
    const at = firstTooDeep(c.when, LIMITS.conditionDepth, conditionChildren);
    if (at) problems.push({ file, pointer: pointer('conditions', i, 'when', ...at), message: `"all", "any" and "not" are nested at most ${LIMITS.conditionDepth} deep in a condition` });
    else parts += countNodes(c.when, LIMITS.ruleSetParts, conditionChildren);
  });
  if (problems.length) return problems;
  if (parts > LIMITS.ruleSetParts) {
    return [{ file, pointer: pointer('conditions'), message: `the conditions of a rule set have at most ${LIMITS.ruleSetParts} parts together ("all", "any", "not" and comparisons), but these have more; split the rule set` }];
  }
  const exampleFacts = new Set((Array.isArray(json.examples) ? json.examples : []).map((e: unknown) => (isObject(e) ? e.facts : undefined)));
  const children: ChildrenOf = (node, visit) => jsonChildren(node, (segments, child) => exampleFacts.has(child) || visit(segments, child));
  const shape = fileShapeProblem(json, children);
  return shape ? [{ file, ...shape, message: `a rule set ${shape.message}` }] : [];
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
  const deadline = Date.now() + LIMITS.examplesMillis;
  const requests = factRequestsOf([ruleSet]);
  for (const [i, example] of (ruleSet.examples ?? []).entries()) {
    // Each example is one short turn of the event loop; other requests are served between them.
    await nextTurn();
    if (Date.now() > deadline) {
      say(['examples', i], `the examples took longer than ${LIMITS.examplesMillis} ms to run; this one and those after it were not run`);
      return;
    }
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
    for (const needed of new Set(requests.map((q) => q.name))) {
      if (!(needed in example.facts)) {
        say(['examples', i, 'facts'], `the example does not give fact "${needed}", which the rule set needs`);
        sound = false;
      }
    }
    if (!sound) continue;
    // An example gives each fact once; it stands for the fact whatever params a condition gives.
    const values = new Map(requests.map((q) => [factKey(q.name, q.params), example.facts[q.name]]));
    // The verdict only: explaining (messages filled item by item) is not what an example checks.
    const failing = (await failingConditions([ruleSet], values)).map(({ condition }) => condition.id);
    const passed = failing.length === 0;
    if (passed !== example.passes) {
      say(['examples', i, 'passes'], `example "${example.name}" says passes=${example.passes}, but the rules give passes=${passed}${failing.length ? ` (failing: ${listNames(failing)})` : ''}`);
    } else if (example.failing && [...example.failing].sort().join() !== [...failing].sort().join()) {
      say(['examples', i, 'failing'], `example "${example.name}" expects failing ${listNames(example.failing)}, but the rules give ${failing.length ? listNames(failing) : 'none'}`);
    }
  }
}

function knownFacts(name: string): string {
  return knownOrSuggested(name, Object.keys(FACT_CATALOGUE), 'the fact catalogue: docs/facts.md or GET /facts');
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
