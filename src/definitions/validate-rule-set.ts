import { WORKFLOW_ROLES } from './roles.js';
import { FACT_CATALOGUE, type FactInfo, type FactType } from '../rules/fact-catalogue.js';
import { factKey } from '../rules/fact-key.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { factRequestsOf, failingConditions } from '../rules/gate-evaluator.js';
import { parseJsonPath } from '../rules/json-path.js';
import { placeholders } from '../rules/messages.js';
import { OPERATORS } from '../rules/operators.js';
import { type DefinitionProblem, knownOrSuggested, listNames, pointer, problemAt, type ProblemText } from './definition-error.js';
import type { LocalizedText } from '../common/i18n.js';
import {
  type ChildrenOf,
  countNodes,
  DEFINITION_LIMITS as LIMITS,
  fileShapeProblem,
  firstTooDeep,
  jsonBytes,
  jsonChildren,
  type Segments,
} from './definition-limits.js';
import type { RuleSetFile } from '../rules/rule-set-types.js';
import { describeValue, schemaChecker } from './schema-check.js';
import { ruleSetSchema } from './schemas.js';
import { own } from '../common/own.js';

const checkSchema = schemaChecker(ruleSetSchema);

type Say = (segments: Segments, message: ProblemText) => void;

/**
 * Validates a rule set file: its nesting (before anything walks it recursively), schema, then
 * facts and operators against the fact catalogue, paths against the JSONPath subset, the limits
 * of {@link LIMITS}, the message placeholders, the responsible roles, and finally runs the file's
 * own `examples` and reports any whose verdict differs from what the file says.
 *
 * Pure apart from being async (the examples run json-rules-engine, yielding to other work between
 * examples and stopping after `LIMITS.examplesMillis`). Never throws on bad input.
 */
export async function validateRuleSet(file: string, json: unknown, examplesMillis: number = LIMITS.examplesMillis): Promise<DefinitionProblem[]> {
  // Each rule set is its own short turn of the event loop, when a request sends several.
  await nextTurn();
  const tooBig = sizeProblems(file, json);
  if (tooBig.length) return tooBig;
  const problems = checkSchema(file, json);
  if (!isObject(json)) return problems;
  const say: Say = (segments, message) => problems.push(problemAt(file, pointer(...segments), message));

  const base = file.split(/[\\/]/).pop() ?? file;
  if (typeof json.id === 'string' && base !== `${json.id}.json`) {
    say(['id'], {
      sv: `filen måste heta "${json.id}.json" efter sitt id, inte "${base}"`,
      en: `the file must be named "${json.id}.json" after its id, not "${base}"`,
    });
  }
  const conditions = Array.isArray(json.conditions) ? json.conditions : [];
  const seenIds = new Set<string>();
  conditions.forEach((c: unknown, i: number) => {
    if (!isObject(c)) return;
    if (typeof c.id === 'string') {
      if (seenIds.has(c.id))
        say(['conditions', i, 'id'], {
          sv: `villkorets id "${c.id}" används två gånger i regeluppsättningen`,
          en: `the condition id "${c.id}" is used twice in this rule set`,
        });
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
            const at = ['conditions', i, 'message', lang];
            const inserted = `"{{item.${p.name}}}"`;
            if (!each)
              say(at, {
                sv: `meddelandet infogar ${inserted}, men villkoret har inget "each" som anger listan det förklarar`,
                en: `the message inserts ${inserted}, but the condition has no "each" naming the list it explains`,
              });
            else if (!(each.itemFields ?? []).includes(p.name)) {
              const fields = listNames(each.itemFields ?? []);
              say(at, {
                sv: `meddelandet infogar ${inserted}, men elementen i "${String(c.each)}" har inget fält "${p.name}" (fält: ${fields})`,
                en: `the message inserts ${inserted}, but the items of "${String(c.each)}" have no field "${p.name}" (fields: ${fields})`,
              });
            }
          } else if (p.scope === 'fact' && !own(FACT_CATALOGUE, p.name)) {
            const hint = knownFacts(p.name);
            say(['conditions', i, 'message', lang], {
              sv: `meddelandet infogar "{{${p.name}}}", som inte är en känd fakta ${hint.sv}`,
              en: `the message inserts "{{${p.name}}}", which is not a known fact ${hint.en}`,
            });
          }
        }
      }
    }
    if (typeof c.responsible === 'string' && !WORKFLOW_ROLES.includes(c.responsible)) {
      say(['conditions', i, 'responsible'], {
        sv: `okänd roll "${c.responsible}" (kända: ${listNames(WORKFLOW_ROLES)})`,
        en: `unknown role "${c.responsible}" (known: ${listNames(WORKFLOW_ROLES)})`,
      });
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
    await checkExamples(json as unknown as RuleSetFile, say, examplesMillis);
  }
  return problems;
}

function checkNode(node: unknown, at: Array<string | number>, say: Say): void {
  if (!isObject(node)) return;
  const forms = ['all', 'any', 'not', 'fact'].filter((k) => node[k] !== undefined);
  if (forms.length !== 1) {
    say(
      at,
      forms.length === 0
        ? {
            sv: 'ett villkor behöver ett av "fact" (med "operator" och "value"), "all", "any" eller "not"',
            en: 'a condition needs one of "fact" (with "operator" and "value"), "all", "any" or "not"',
          }
        : {
            sv: `ett villkor har exakt ett av "fact", "all", "any" eller "not", inte ${listNames(forms)}`,
            en: `a condition has exactly one of "fact", "all", "any" or "not", not ${listNames(forms)}`,
          },
    );
    return;
  }
  if (Array.isArray(node.all))
    node.all.forEach((n, i) => {
      checkNode(n, [...at, 'all', i], say);
    });
  if (Array.isArray(node.any))
    node.any.forEach((n, i) => {
      checkNode(n, [...at, 'any', i], say);
    });
  if (node.not !== undefined) checkNode(node.not, [...at, 'not'], say);
  if (node.fact === undefined) {
    for (const key of ['operator', 'value', 'path', 'params']) {
      if (node[key] !== undefined) say([...at, key], { sv: `"${key}" hör till ett villkor med "fact"`, en: `"${key}" belongs to a condition with "fact"` });
    }
    return;
  }
  if (typeof node.fact !== 'string') return;
  if (typeof node.path === 'string') checkPath(node.path, [...at, 'path'], say);
  checkValueSize(node.value, [...at, 'value'], say);
  const fact = own(FACT_CATALOGUE, node.fact);
  if (!fact) {
    say([...at, 'fact'], unknownFact(node.fact));
  }
  if (fact) checkParams(node.fact, fact.params, node.params, at, say);
  if (node.operator === undefined) say(at, { sv: 'nyckeln "operator" saknas', en: 'missing required key "operator"' });
  if (!('value' in node)) say(at, { sv: 'nyckeln "value" saknas', en: 'missing required key "value"' });
  if (typeof node.operator !== 'string') return;
  const op = own(OPERATORS, node.operator);
  if (!op) {
    const known = listNames(Object.keys(OPERATORS));
    say([...at, 'operator'], { sv: `okänd operator "${node.operator}" (kända: ${known})`, en: `unknown operator "${node.operator}" (known: ${known})` });
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
    const type = typeWords(fact.type);
    say([...at, 'operator'], {
      sv: `operatorn "${node.operator}" fungerar inte på faktan "${node.fact}", som är ${type.sv}`,
      en: `operator "${node.operator}" does not work on fact "${node.fact}", which is ${type.en}`,
    });
    return;
  }
  const valueProblem = checkValue(op.value, value, fact.type);
  if (valueProblem) {
    say([...at, 'value'], {
      sv: `operatorn "${node.operator}" på faktan "${node.fact}" behöver ${valueProblem.sv}, men värdet är ${describeValue(value, 'sv')}`,
      en: `operator "${node.operator}" on fact "${node.fact}" needs ${valueProblem.en}, but the value is ${describeValue(value)}`,
    });
  }
}

/**
 * A `value` of the form `{fact, params?, path?}` compares with another fact: json-rules-engine
 * reads that fact (and evaluates its path) too, so it is held to what a condition's own fact is.
 */
function checkFactReference(value: Record<string, unknown>, at: Segments, say: Say): void {
  for (const key of Object.keys(value)) {
    if (!['fact', 'params', 'path'].includes(key)) {
      say([...at, key], {
        sv: `okänd nyckel "${key}" i en hänvisning till en fakta (tillåtna: "fact", "params", "path")`,
        en: `unknown key "${key}" in a fact reference (allowed: "fact", "params", "path")`,
      });
    }
  }
  if (typeof value.fact !== 'string')
    say([...at, 'fact'], {
      sv: 'en hänvisning till en fakta anger faktan: "fact" måste vara en text',
      en: 'a fact reference names a fact: "fact" must be a text',
    });
  else if (!own(FACT_CATALOGUE, value.fact)) say([...at, 'fact'], unknownFact(value.fact));
  if (value.path !== undefined) {
    if (typeof value.path === 'string') checkPath(value.path, [...at, 'path'], say);
    else say([...at, 'path'], { sv: 'en sökväg är en text som börjar med "$"', en: 'a path is a text starting with "$"' });
  }
  if (value.params !== undefined && (!isObject(value.params) || Object.values(value.params).some((v) => typeof v !== 'string'))) {
    say([...at, 'params'], { sv: 'parametrarna till en fakta är ett objekt med texter', en: 'the parameters of a fact are an object of texts' });
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
  if (bytes === undefined)
    say(at, { sv: `ett värde ligger högst ${LIMITS.valueDepth} nivåer djupt`, en: `a value is nested at most ${LIMITS.valueDepth} levels deep` });
  else if (bytes > LIMITS.valueBytes) {
    say(at, {
      sv: `ett värde är högst ${LIMITS.valueBytes} tecken som JSON, men det här är ${bytes}`,
      en: `a value is at most ${LIMITS.valueBytes} characters as JSON, but this one is ${bytes}`,
    });
  }
}

/** An example's facts are bounded in nesting and size, so that running the example is cheap. */
function checkExampleSize(example: unknown, i: number, say: Say): void {
  if (!isObject(example) || !isObject(example.facts)) return; // the schema has said it
  const deep = firstTooDeep(example.facts, LIMITS.exampleFactDepth + 1, jsonChildren, 1);
  if (deep) {
    say(['examples', i, 'facts', ...deep], {
      sv: `faktan i ett exempel ligger högst ${LIMITS.exampleFactDepth} nivåer djupt (en lista med element med fält är 2)`,
      en: `the facts of an example are nested at most ${LIMITS.exampleFactDepth} levels deep (a list of items with fields is 2)`,
    });
    return;
  }
  const bytes = JSON.stringify(example.facts).length;
  if (bytes > LIMITS.exampleBytes) {
    say(['examples', i, 'facts'], {
      sv: `faktan i ett exempel är högst ${LIMITS.exampleBytes} tecken som JSON, men de här är ${bytes}`,
      en: `the facts of an example are at most ${LIMITS.exampleBytes} characters as JSON, but these are ${bytes}`,
    });
  }
}

/** The parts inside a condition: those of `all`, `any` and `not`. */
const conditionChildren: ChildrenOf = (node, visit) => {
  if (!isObject(node)) return;
  for (const key of ['all', 'any'] as const) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((n, i) => {
        visit([key, i], n);
      });
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
  for (const [key, max, what] of [
    ['conditions', LIMITS.conditions, 'villkor'],
    ['examples', LIMITS.examples, 'exempel'],
  ] as const) {
    const list = json[key];
    if (Array.isArray(list) && list.length > max) {
      problems.push(
        problemAt(file, pointer(key), {
          sv: `en regeluppsättning har högst ${max} ${what}, men den här har ${list.length}`,
          en: `a rule set has at most ${max} ${key}, but this one has ${list.length}`,
        }),
      );
    }
  }
  if (problems.length) return problems;
  let parts = 0;
  conditions.forEach((c: unknown, i: number) => {
    if (!isObject(c)) return;
    const at = firstTooDeep(c.when, LIMITS.conditionDepth, conditionChildren);
    if (at) {
      problems.push(
        problemAt(file, pointer('conditions', i, 'when', ...at), {
          sv: `"all", "any" och "not" ligger högst ${LIMITS.conditionDepth} nivåer i varandra i ett villkor`,
          en: `"all", "any" and "not" are nested at most ${LIMITS.conditionDepth} deep in a condition`,
        }),
      );
    } else parts += countNodes(c.when, LIMITS.ruleSetParts, conditionChildren);
  });
  if (problems.length) return problems;
  if (parts > LIMITS.ruleSetParts) {
    return [
      problemAt(file, pointer('conditions'), {
        sv: `villkoren i en regeluppsättning har högst ${LIMITS.ruleSetParts} delar tillsammans ("all", "any", "not" och jämförelser), men de här har fler; dela upp regeluppsättningen`,
        en: `the conditions of a rule set have at most ${LIMITS.ruleSetParts} parts together ("all", "any", "not" and comparisons), but these have more; split the rule set`,
      }),
    ];
  }
  const exampleFacts = new Set((Array.isArray(json.examples) ? json.examples : []).map((e: unknown) => (isObject(e) ? e.facts : undefined)));
  const children: ChildrenOf = (node, visit) => jsonChildren(node, (segments, child) => exampleFacts.has(child) || visit(segments, child));
  const shape = fileShapeProblem(json, children);
  return shape ? [problemAt(file, shape.pointer, { sv: `en regeluppsättning ${shape.message.sv}`, en: `a rule set ${shape.message.en}` })] : [];
}

/** A condition gives exactly the parameters its fact takes, each a text. */
function checkParams(factName: string, expected: FactInfo['params'], given: unknown, at: Array<string | number>, say: Say): void {
  const names = Object.keys(expected ?? {});
  if (given === undefined) {
    if (names.length)
      say(at, { sv: `faktan "${factName}" behöver "params" med ${listNames(names)}`, en: `fact "${factName}" needs "params" with ${listNames(names)}` });
    return;
  }
  if (!isObject(given)) return; // the schema has said it
  if (!names.length) {
    say([...at, 'params'], { sv: `faktan "${factName}" tar inga parametrar`, en: `fact "${factName}" takes no parameters` });
    return;
  }
  for (const name of names) {
    if (given[name] === undefined)
      say([...at, 'params'], { sv: `faktan "${factName}" behöver parametern "${name}"`, en: `fact "${factName}" needs the parameter "${name}"` });
  }
  for (const name of Object.keys(given)) {
    if (names.includes(name)) continue;
    say([...at, 'params', name], {
      sv: `faktan "${factName}" tar ingen parameter "${name}" (den tar ${listNames(names)})`,
      en: `fact "${factName}" takes no parameter "${name}" (it takes ${listNames(names)})`,
    });
  }
}

/** `each` names a list-of-objects fact; returns it so the message placeholders can be checked. */
function checkEach(each: unknown, at: Array<string | number>, say: Say): FactInfo | undefined {
  if (typeof each !== 'string') return undefined;
  const fact = own(FACT_CATALOGUE, each);
  if (!fact) {
    say(at, unknownFact(each));
    return undefined;
  }
  if (fact.type !== 'object[]') {
    const type = typeWords(fact.type);
    say(at, {
      sv: `"each" förklarar en lista med element, men faktan "${each}" är ${type.sv}`,
      en: `"each" explains a list of items, but fact "${each}" is ${type.en}`,
    });
    return undefined;
  }
  return fact;
}

function checkValue(expected: string, value: unknown, factType: FactType): LocalizedText | undefined {
  switch (expected) {
    case 'number':
      return typeof value === 'number' ? undefined : { sv: 'ett tal', en: 'a number' };
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { sv: 'true eller false', en: 'true or false' };
    case 'array':
      return Array.isArray(value) ? undefined : { sv: 'en lista med värden', en: 'a list of values' };
    case 'element':
      return factType === 'string[]' && typeof value !== 'string' ? { sv: 'en text (ett element i listan)', en: 'a text (an element of the list)' } : undefined;
    case 'same':
      return matchesType(value, factType) ? undefined : typeWords(factType);
    default:
      return undefined;
  }
}

async function checkExamples(ruleSet: RuleSetFile, say: Say, examplesMillis: number): Promise<void> {
  // A budget of elapsed time on this machine, not a time of day: the monotonic clock, not the Clock.
  const deadline = performance.now() + examplesMillis;
  const requests = factRequestsOf([ruleSet]);
  for (const [i, example] of (ruleSet.examples ?? []).entries()) {
    // Each example is one short turn of the event loop; other requests are served between them.
    await nextTurn();
    if (performance.now() > deadline) {
      say(['examples', i], {
        sv: `exemplen tog längre tid än ${examplesMillis} ms att köra; det här och de som kommer efter kördes inte`,
        en: `the examples took longer than ${examplesMillis} ms to run; this one and those after it were not run`,
      });
      return;
    }
    let sound = true;
    for (const [name, value] of Object.entries(example.facts)) {
      const fact = own(FACT_CATALOGUE, name);
      if (!fact) {
        say(['examples', i, 'facts', name], { sv: `okänd fakta "${name}"`, en: `unknown fact "${name}"` });
        sound = false;
      } else if (!matchesType(value, fact.type)) {
        const type = typeWords(fact.type);
        say(['examples', i, 'facts', name], {
          sv: `faktan "${name}" är ${type.sv}, men exemplet ger ${describeValue(value, 'sv')}`,
          en: `fact "${name}" is ${type.en}, but the example gives ${describeValue(value)}`,
        });
        sound = false;
      }
    }
    // A missing fact would make json-rules-engine throw; say which one instead.
    for (const needed of new Set(requests.map((q) => q.name))) {
      if (!(needed in example.facts)) {
        say(['examples', i, 'facts'], {
          sv: `exemplet ger inte faktan "${needed}", som regeluppsättningen behöver`,
          en: `the example does not give fact "${needed}", which the rule set needs`,
        });
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
      const named = listNames(failing);
      say(['examples', i, 'passes'], {
        sv: `exemplet "${example.name}" säger passes=${example.passes}, men reglerna ger passes=${passed}${failing.length ? ` (uppfylls inte: ${named})` : ''}`,
        en: `example "${example.name}" says passes=${example.passes}, but the rules give passes=${passed}${failing.length ? ` (failing: ${named})` : ''}`,
      });
    } else if (example.failing && [...example.failing].sort().join() !== [...failing].sort().join()) {
      const [expected, given] = [listNames(example.failing), listNames(failing)];
      say(['examples', i, 'failing'], {
        sv: `exemplet "${example.name}" väntar sig att ${expected} inte uppfylls, men reglerna ger ${failing.length ? given : 'inga'}`,
        en: `example "${example.name}" expects failing ${expected}, but the rules give ${failing.length ? given : 'none'}`,
      });
    }
  }
}

function knownFacts(name: string): LocalizedText {
  return knownOrSuggested(name, Object.keys(FACT_CATALOGUE), {
    sv: 'faktakatalogen: docs/facts.md eller GET /facts',
    en: 'the fact catalogue: docs/facts.md or GET /facts',
  });
}

function unknownFact(name: string): LocalizedText {
  const hint = knownFacts(name);
  return { sv: `okänd fakta "${name}" ${hint.sv}`, en: `unknown fact "${name}" ${hint.en}` };
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

function typeWords(type: FactType): LocalizedText {
  return {
    number: { sv: 'ett tal', en: 'a number' },
    boolean: { sv: 'true eller false', en: 'true or false' },
    string: { sv: 'en text', en: 'a text' },
    'string[]': { sv: 'en lista med texter', en: 'a list of texts' },
    object: { sv: 'ett objekt', en: 'an object' },
    'object[]': { sv: 'en lista med objekt', en: 'a list of objects' },
  }[type];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
