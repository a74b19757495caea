import type { LocalizedText } from '../common/i18n.js';
import { labelOf, NO_VOCABULARY, type Vocabulary } from './vocabulary.js';

const PLACEHOLDER = /\{\{\s*(?:(item|field|documentKind)\.)?([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/**
 * What a placeholder inserts: a fact's value (`{{partyCount}}`), a field of the item being
 * explained (`{{item.label}}`), or the label of a case field or document kind the workflow
 * declares (`{{field.continuationPlan}}`, `{{documentKind.problemStatement}}`).
 */
export type PlaceholderScope = 'fact' | 'item' | 'field' | 'documentKind';

/** A `{{fact}}`, `{{item.field}}`, `{{field.key}}` or `{{documentKind.key}}` in a message template. */
export interface Placeholder {
  scope: PlaceholderScope;
  /** Whether it is an `{{item.…}}` (the same as `scope === 'item'`). */
  item: boolean;
  name: string;
}

/** The placeholders of a message template. */
export function placeholders(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => {
    const scope = (m[1] ?? 'fact') as PlaceholderScope;
    return { scope, item: scope === 'item', name: m[2]! };
  });
}

/**
 * Fills a message in both languages: `{{fact}}` with a fact's value (via `factValue`),
 * `{{item.field}}` with a field of the item being explained, and `{{field.key}}` /
 * `{{documentKind.key}}` with the label the workflow gives the field or kind in that language (so
 * that a message never shows a key). Lists are joined with ", " (items that are objects show their
 * `label`, `name` or `title`). Pure.
 */
export function renderMessage(
  template: LocalizedText,
  factValue: (name: string) => unknown,
  item?: Record<string, unknown>,
  vocabulary: Vocabulary = NO_VOCABULARY,
): LocalizedText {
  const fill = (text: string, lang: 'sv' | 'en') =>
    text.replace(PLACEHOLDER, (_, scope: string | undefined, name: string) => {
      if (scope === 'field' || scope === 'documentKind') return labelOf(vocabulary, scope, name)[lang];
      return formatValue(scope === 'item' ? item?.[name] : factValue(name));
    });
  return { sv: fill(template.sv, 'sv'), en: fill(template.en, 'en') };
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '–';
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : '–';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const label = o.label ?? o.name ?? o.title;
    return typeof label === 'string' ? label : JSON.stringify(value);
  }
  return String(value);
}
