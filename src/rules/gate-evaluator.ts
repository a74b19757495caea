import { Engine } from 'json-rules-engine';
import type { LocalizedText } from '../common/i18n.js';
import type { ConditionNode, RuleCondition, RuleSetFile } from './rule-set-types.js';
import { factKey, factLabel, type FactRequest, type FactValues } from './fact-key.js';
import { placeholders, renderMessage } from './messages.js';
import { resolveJsonPath } from './json-path.js';
import { CUSTOM_OPERATORS } from './operators.js';
import { NO_VOCABULARY, type Vocabulary } from './vocabulary.js';
import { taskOf, type GateTask } from './tasks.js';

/** One condition of a gate that does not hold, with what it saw. */
export interface GateFailure {
  /** The rule set, or null when a named guard (not a rule set) said no. */
  ruleSet: string | null;
  rule: string;
  message: LocalizedText;
  /** The role expected to act, from the rule file. */
  responsible?: string;
  /** The values of the facts the condition looked at. */
  facts: Record<string, unknown>;
  /** With `each`: the item (a board, a party, …) this line explains. */
  item?: Record<string, unknown>;
  /** What would satisfy the condition (for this item): src/rules/tasks.ts. */
  task: GateTask;
}

/** A condition of a gate that holds, with the task it asked for, done. */
export interface GateMet {
  ruleSet: string;
  rule: string;
  task: GateTask;
}

/** The verdict on a gate (one or more rule sets), explained. */
export interface GateResult {
  passed: boolean;
  ruleSets: Array<{ id: string; passed: boolean }>;
  failures: GateFailure[];
  /**
   * The conditions that hold, in file order, each with its task done: with the failures, the
   * gate's whole task list. Not kept in the history (a transition records the verdict and failures).
   */
  met?: GateMet[];
}

/**
 * Evaluates rule sets against fact values and explains every condition that fails.
 *
 * Pure apart from being asynchronous (json-rules-engine is): no I/O, no clock. Builds a **new
 * Engine per call**, since a shared Engine mixes the results of concurrent runs. Every condition is
 * its own rule at the same priority, so none is skipped and the explanation is complete. Facts are
 * computed beforehand (see {@link factRequestsOf}); a parameterised fact is looked up by its params.
 *
 * A condition's `path` is evaluated by {@link resolveJsonPath} (a small JSONPath subset).
 * `{{field.key}}` and `{{documentKind.key}}` in messages are filled with the labels of the
 * workflow's `vocabulary`.
 *
 * @throws Error with `code === 'UNDEFINED_FACT'` if a needed fact was not computed (a bug in the fact layer).
 * @throws UnsafePathError if a condition's path is outside the subset (validation refuses those).
 */
export async function evaluateGate(ruleSets: readonly RuleSetFile[], values: FactValues, vocabulary: Vocabulary = NO_VOCABULARY): Promise<GateResult> {
  const failing = await failingConditions(ruleSets, values);
  const failures = failing.flatMap(({ ruleSet, condition }) => explain(ruleSet, condition, values, vocabulary));
  const failedSets = new Set(failures.map((f) => f.ruleSet));
  const unmet = new Set(failing.map(({ condition }) => condition));
  const met = ruleSets.flatMap((r) =>
    r.conditions.filter((c) => !unmet.has(c)).map((c) => ({ ruleSet: r.id, rule: c.id, task: taskOf(c, values, vocabulary, undefined, true) })),
  );
  return {
    passed: failures.length === 0,
    ruleSets: ruleSets.map((r) => ({ id: r.id, passed: !failedSets.has(r.id) })),
    failures,
    met,
  };
}

/**
 * The conditions that do not hold, in file order, unexplained: the verdict of {@link evaluateGate}
 * without filling any message. Throws as it does.
 */
export async function failingConditions(
  ruleSets: readonly RuleSetFile[],
  values: FactValues,
): Promise<Array<{ ruleSet: RuleSetFile; condition: RuleCondition }>> {
  // Our evaluator of the JSONPath subset, not jsonpath-plus: a path with recursive descent or a
  // script that slipped past validation (an old published version) is refused, never run.
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolveJsonPath });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  const names = new Set(ruleSets.flatMap((r) => r.conditions.flatMap((c) => requestsOfNode(c.when).map((q) => q.name))));
  for (const name of names) {
    engine.addFact(name, (params: Record<string, unknown>) => {
      const key = factKey(name, params);
      if (!values.has(key)) throw Object.assign(new Error(`fact ${key} was not computed`), { code: 'UNDEFINED_FACT' });
      return values.get(key);
    });
  }
  const lookup = new Map<string, { ruleSet: RuleSetFile; condition: RuleCondition }>();
  for (const ruleSet of ruleSets) {
    for (const condition of ruleSet.conditions) {
      const name = `${ruleSet.id}/${condition.id}`;
      lookup.set(name, { ruleSet, condition });
      engine.addRule({ name, priority: 1, conditions: { all: [toEngineCondition(condition.when)] } as never, event: { type: name } });
    }
  }
  const { failureResults } = await engine.run();
  const failedNames = new Set(failureResults.map((r) => String(r.name)));
  // In file order, not in the engine's completion order, so explanations are stable.
  return [...lookup].filter(([name]) => failedNames.has(name)).map(([, found]) => found);
}

/** The failure lines of one failing condition: one, or one per item with `each`. */
function explain(ruleSet: RuleSetFile, condition: RuleCondition, values: FactValues, vocabulary: Vocabulary): GateFailure[] {
  const requests = requestsOfNode(condition.when);
  const seen: Record<string, unknown> = {};
  for (const request of requests) seen[factLabel(request)] = values.get(factKey(request.name, request.params));
  // A `{{fact}}` in the message means the fact as this condition asked for it (with its params).
  const factValue = (name: string) => {
    const request = requests.find((q) => q.name === name);
    return values.get(factKey(name, request?.params));
  };
  const base = { ruleSet: ruleSet.id, rule: condition.id, ...(condition.responsible ? { responsible: condition.responsible } : {}), facts: seen };
  if (condition.each) {
    const items = factValue(condition.each);
    if (Array.isArray(items) && items.length) {
      return items.map((item) => ({
        ...base,
        message: renderMessage(condition.message, factValue, item as Record<string, unknown>, vocabulary),
        item: item as Record<string, unknown>,
        task: taskOf(condition, values, vocabulary, item as Record<string, unknown>),
      }));
    }
  }
  return [{ ...base, message: renderMessage(condition.message, factValue, undefined, vocabulary), task: taskOf(condition, values, vocabulary) }];
}

/** The facts (with their params) a condition tree names, in `fact` and in `value: {fact}` references. */
export function requestsOfNode(node: ConditionNode): FactRequest[] {
  const out = new Map<string, FactRequest>();
  const add = (request: FactRequest) => out.set(factKey(request.name, request.params), request);
  const walk = (n: ConditionNode) => {
    n.all?.forEach(walk);
    n.any?.forEach(walk);
    if (n.not) walk(n.not);
    if (typeof n.fact === 'string') add({ name: n.fact, ...(n.params ? { params: n.params } : {}) });
    const v = n.value as { fact?: unknown; params?: Record<string, unknown> } | undefined;
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string') add({ name: v.fact, ...(v.params ? { params: v.params } : {}) });
  };
  walk(node);
  return [...out.values()];
}

/**
 * Every fact value the rule sets need: the facts their conditions name, those their messages
 * insert, and the lists they explain item by item.
 */
export function factRequestsOf(ruleSets: readonly RuleSetFile[]): FactRequest[] {
  const out = new Map<string, FactRequest>();
  for (const ruleSet of ruleSets) {
    for (const condition of ruleSet.conditions) {
      const own = requestsOfNode(condition.when);
      const inserted = [...placeholders(condition.message.sv), ...placeholders(condition.message.en)].filter((p) => p.scope === 'fact').map((p) => p.name);
      for (const name of [...inserted, ...(condition.each ? [condition.each] : [])]) {
        if (!own.some((q) => q.name === name)) own.push({ name });
      }
      for (const request of own) out.set(factKey(request.name, request.params), request);
    }
  }
  return [...out.values()];
}

function toEngineCondition(node: ConditionNode): Record<string, unknown> {
  if (node.all) return { all: node.all.map(toEngineCondition) };
  if (node.any) return { any: node.any.map(toEngineCondition) };
  if (node.not) return { not: toEngineCondition(node.not) };
  return {
    fact: node.fact,
    operator: node.operator,
    value: node.value,
    ...(node.path ? { path: node.path } : {}),
    ...(node.params ? { params: node.params } : {}),
  };
}
