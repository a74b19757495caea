import type { LocalizedText } from '../common/i18n.js';

const PLACEHOLDER = /\{\{\s*(item\.)?([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/** A `{{fact}}` or `{{item.field}}` in a message template. */
export interface Placeholder {
  item: boolean;
  name: string;
}

/** The placeholders of a message template. */
export function placeholders(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({ item: !!m[1], name: m[2]! }));
}

/**
 * Fills a message in both languages: `{{fact}}` with a fact's value (via `factValue`) and
 * `{{item.field}}` with a field of the item being explained. Lists are joined with ", " (items
 * that are objects show their `label`, `name` or `title`). Pure.
 */
export function renderMessage(template: LocalizedText, factValue: (name: string) => unknown, item?: Record<string, unknown>): LocalizedText {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_, isItem: string | undefined, name: string) => formatValue(isItem ? item?.[name] : factValue(name)));
  return { sv: fill(template.sv), en: fill(template.en) };
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
