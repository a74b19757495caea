import { own } from '../common/own.js';
import { FACT_CATALOGUE } from './fact-catalogue.js';
import { placeholders } from './messages.js';
import type { ConditionNode, RuleSetFile } from './rule-set-types.js';
import type { NameKind } from './vocabulary.js';

/** A case field or document kind a rule set names, and where (path segments of a JSON pointer into the rule file). */
export interface NameReference {
  kind: NameKind;
  key: string;
  at: Array<string | number>;
}

/**
 * Every case field and document kind a rule set names: in the `value` of a condition on a fact
 * that names them (`filledFields` contains "arena", `documentKinds` contains "agreement"), in a
 * parameter that names one (`partiesNotEndorsed` with `documentKind`), and in message placeholders
 * (`{{field.arena}}`, `{{documentKind.agreement}}`). In file order. Pure; tolerates any shape.
 */
export function namesInRuleSet(ruleSet: Pick<RuleSetFile, 'conditions'>): NameReference[] {
  const out: NameReference[] = [];
  const conditions = Array.isArray(ruleSet.conditions) ? ruleSet.conditions : [];
  conditions.forEach((condition, i) => {
    if (!isObject(condition)) return;
    walk(condition.when, ['conditions', i, 'when'], out);
    if (isObject(condition.message)) {
      for (const lang of ['sv', 'en'] as const) {
        const text = condition.message[lang];
        if (typeof text !== 'string') continue;
        for (const p of placeholders(text)) {
          if (p.scope === 'field' || p.scope === 'documentKind') out.push({ kind: p.scope, key: p.name, at: ['conditions', i, 'message', lang] });
        }
      }
    }
  });
  return out;
}

function walk(node: unknown, at: Array<string | number>, out: NameReference[]): void {
  if (!isObject(node)) return;
  const n = node as ConditionNode;
  for (const key of ['all', 'any'] as const) {
    const list = n[key];
    if (Array.isArray(list)) {
      list.forEach((child, i) => {
        walk(child, [...at, key, i], out);
      });
    }
  }
  if (n.not !== undefined) walk(n.not, [...at, 'not'], out);
  if (typeof n.fact !== 'string') return;
  paramsOf(n.fact, n.params, at, out);
  const value = n.value;
  if (isObject(value) && typeof value.fact === 'string') {
    paramsOf(value.fact, value.params, [...at, 'value'], out);
    return;
  }
  // With a path, the value is compared with part of the fact, not with the names it lists.
  const names = n.path === undefined ? own(FACT_CATALOGUE, n.fact)?.names : undefined;
  if (!names) return;
  if (typeof value === 'string') out.push({ kind: names, key: value, at: [...at, 'value'] });
  else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (typeof v === 'string') out.push({ kind: names, key: v, at: [...at, 'value', i] });
    });
  }
}

function paramsOf(fact: string, params: unknown, at: Array<string | number>, out: NameReference[]): void {
  const named = own(FACT_CATALOGUE, fact)?.paramNames;
  if (!named || !isObject(params)) return;
  for (const [param, kind] of Object.entries(named)) {
    const value = params[param];
    if (typeof value === 'string') out.push({ kind, key: value, at: [...at, 'params', param] });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
