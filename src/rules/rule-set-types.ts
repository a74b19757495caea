import type { LocalizedText } from '../common/i18n.js';

/**
 * A rule set, `rules/<id>.json`: the conditions of a gate, each with a message in Swedish and
 * English that says what is missing when it does not hold.
 *
 * Each condition's `when` is a json-rules-engine condition (a leaf `{fact, operator, value}` or
 * `all` / `any` / `not` of conditions). json-rules-engine has no per-condition message; ours does.
 */
export interface RuleSetFile {
  $schema?: string;
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  conditions: RuleCondition[];
  /** Worked examples, checked at validation time: facts in, expected verdict out. */
  examples?: RuleExample[];
}

export interface RuleCondition {
  /** kebab-case, unique within the rule set. */
  id: string;
  when: ConditionNode;
  /** Shown when the condition does not hold. `{{fact}}` inserts a fact's value. */
  message: LocalizedText;
  /** The role on the case that is expected to act when this condition fails. */
  responsible?: string;
  /**
   * A list fact (of objects) to explain item by item: the message is given once per item, with
   * `{{item.field}}` filled from the item ("Alvesta kommun – socialnämnden: …").
   */
  each?: string;
}

/** A json-rules-engine condition tree. Exactly one of the forms per node. */
export interface ConditionNode {
  all?: ConditionNode[];
  any?: ConditionNode[];
  not?: ConditionNode;
  fact?: string;
  operator?: string;
  value?: unknown;
  /** JSONPath into an object-valued fact. */
  path?: string;
  /** Parameters of the fact, e.g. `{ "decisionPoint": "joint-agreement" }`. */
  params?: Record<string, unknown>;
}

export interface RuleExample {
  name: string;
  facts: Record<string, unknown>;
  passes: boolean;
  /** The condition ids expected to fail (when `passes` is false). */
  failing?: string[];
}
