import type { FactType } from './fact-catalogue.js';

/**
 * The operators a condition may use, with what they need, so that the validator can say
 * "operator greaterThan needs a number fact" before anything runs.
 *
 * The first ten are json-rules-engine's own; `isEmpty` and `hasAtLeast` are ours, because
 * json-rules-engine's `equal` compares with `===` and so can never say "this list is empty".
 */
export interface OperatorInfo {
  /** Fact types the operator works on (`any` = every type). */
  factTypes: FactType[] | 'any';
  /** What the condition's `value` must be. */
  value: 'same' | 'number' | 'array' | 'boolean' | 'element' | 'any';
}

export const OPERATORS: Record<string, OperatorInfo> = {
  equal: { factTypes: 'any', value: 'same' },
  notEqual: { factTypes: 'any', value: 'same' },
  lessThan: { factTypes: ['number'], value: 'number' },
  lessThanInclusive: { factTypes: ['number'], value: 'number' },
  greaterThan: { factTypes: ['number'], value: 'number' },
  greaterThanInclusive: { factTypes: ['number'], value: 'number' },
  in: { factTypes: ['string', 'number', 'boolean'], value: 'array' },
  notIn: { factTypes: ['string', 'number', 'boolean'], value: 'array' },
  contains: { factTypes: ['string[]', 'object[]'], value: 'element' },
  doesNotContain: { factTypes: ['string[]', 'object[]'], value: 'element' },
  isEmpty: { factTypes: ['string[]', 'object[]', 'string'], value: 'boolean' },
  hasAtLeast: { factTypes: ['string[]', 'object[]'], value: 'number' },
};

/** Our own operators, added to every Engine. Pure functions of the fact value and the condition value. */
export const CUSTOM_OPERATORS: Record<string, (factValue: unknown, value: unknown) => boolean> = {
  isEmpty: (factValue, value) => {
    const empty = factValue === null || factValue === undefined || (typeof factValue === 'string' || Array.isArray(factValue) ? factValue.length === 0 : false);
    return empty === value;
  },
  hasAtLeast: (factValue, value) => Array.isArray(factValue) && typeof value === 'number' && factValue.length >= value,
};
