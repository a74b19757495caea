import { Engine } from 'json-rules-engine';
import type { LocalizedText } from '../common/i18n.js';
import type { ConditionNode, RuleSetFile } from '../definitions/rule-set-types.js';
import { placeholders, renderMessage } from './messages.js';
import { CUSTOM_OPERATORS } from './operators.js';

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
}

/** The verdict on a gate (one or more rule sets), explained. */
export interface GateResult {
  passed: boolean;
  ruleSets: Array<{ id: string; passed: boolean }>;
  failures: GateFailure[];
}

/**
 * Evaluates rule sets against facts and explains every condition that fails.
 *
 * Pure apart from being asynchronous (json-rules-engine is): no I/O, no clock. Builds a **new
 * Engine per call**, since a shared Engine mixes the results of concurrent runs. Every condition is
 * its own rule at the same priority, so none is skipped and the explanation is complete.
 *
 * @param facts values computed by the fact layer; every fact the rule sets name must be present.
 * @throws Error with `code === 'UNDEFINED_FACT'` if a named fact is missing (a bug in the fact layer).
 */
export async function evaluateGate(ruleSets: readonly RuleSetFile[], facts: Record<string, unknown>): Promise<GateResult> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  const lookup = new Map<string, { ruleSet: RuleSetFile; index: number }>();
  for (const ruleSet of ruleSets) {
    ruleSet.conditions.forEach((condition, index) => {
      const name = `${ruleSet.id}/${condition.id}`;
      lookup.set(name, { ruleSet, index });
      engine.addRule({
        name,
        priority: 1,
        conditions: { all: [toEngineCondition(condition.when)] } as never,
        event: { type: name },
      });
    });
  }
  const { failureResults } = await engine.run({ ...facts });
  const failedNames = new Set(failureResults.map((r) => String(r.name)));
  const failures: GateFailure[] = [];
  // Report in file order, not in the engine's completion order, so explanations are stable.
  for (const [name, { ruleSet, index }] of lookup) {
    if (!failedNames.has(name)) continue;
    const condition = ruleSet.conditions[index]!;
    const seen: Record<string, unknown> = {};
    for (const fact of factsOfNode(condition.when)) seen[fact] = facts[fact];
    failures.push({
      ruleSet: ruleSet.id,
      rule: condition.id,
      message: renderMessage(condition.message, facts),
      ...(condition.responsible ? { responsible: condition.responsible } : {}),
      facts: seen,
    });
  }
  const failedSets = new Set(failures.map((f) => f.ruleSet));
  return {
    passed: failures.length === 0,
    ruleSets: ruleSets.map((r) => ({ id: r.id, passed: !failedSets.has(r.id) })),
    failures,
  };
}

/** The facts a condition tree names (in `fact` and in `value: {fact}` references). */
export function factsOfNode(node: ConditionNode): string[] {
  const out = new Set<string>();
  const walk = (n: ConditionNode) => {
    n.all?.forEach(walk);
    n.any?.forEach(walk);
    if (n.not) walk(n.not);
    if (typeof n.fact === 'string') out.add(n.fact);
    const v = n.value as { fact?: unknown } | undefined;
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string') out.add(v.fact);
  };
  walk(node);
  return [...out];
}

/** All facts a rule set needs, including those its messages insert. */
export function factsOfRuleSet(ruleSet: RuleSetFile): string[] {
  const out = new Set<string>();
  for (const c of ruleSet.conditions) {
    factsOfNode(c.when).forEach((f) => out.add(f));
    [...placeholders(c.message.sv), ...placeholders(c.message.en)].forEach((f) => out.add(f));
  }
  return [...out];
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
  };
}
