import type { LocalizedText } from '../common/i18n.js';

/** The JSON type of a fact's value, used to check rule files against the facts they name. */
export type FactType = 'number' | 'boolean' | 'string' | 'string[]' | 'object' | 'object[]';

/** What a rule file may know about a fact: its name, type and meaning. No way to compute it. */
export interface FactInfo {
  type: FactType;
  description: LocalizedText;
}

/**
 * Every fact a rule set may name. This is the single place the fact layer grows: a new fact is
 * added here (so `npm run validate` knows it) and computed by a provider in `facts/providers/`
 * (a unit test checks that every fact here has exactly one provider).
 */
export const FACT_CATALOGUE: Record<string, FactInfo> = {
  filledFields: {
    type: 'string[]',
    description: {
      sv: 'Namnen på ärendets fält som har ett värde (t.ex. "problemStatement").',
      en: 'Names of the case fields that have a value (e.g. "problemStatement").',
    },
  },
};

/** Names of all facts. */
export function factNames(): string[] {
  return Object.keys(FACT_CATALOGUE);
}
