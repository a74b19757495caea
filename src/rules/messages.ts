import type { LocalizedText } from '../common/i18n.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/** Names of the facts a message template inserts with `{{name}}`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Fills `{{fact}}` placeholders with fact values, in both languages. Lists are joined with ", "
 * (items that are objects show their `label`, `name` or `title`). Pure.
 */
export function renderMessage(template: LocalizedText, facts: Record<string, unknown>): LocalizedText {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => formatValue(facts[name]));
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
