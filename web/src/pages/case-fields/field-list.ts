import type { Schema } from '../../api';
import { lang } from '../../i18n';
import { w } from './words';

/** How a case field is filled in. */
export type CaseFieldType = 'text' | 'longText' | 'number' | 'yesNo' | 'date';

/** A case field as the form asks for it: its key (what the API stores), its label, its type and help. */
export interface CaseFieldSpec {
  key: string;
  label: string;
  type: CaseFieldType;
  help?: string;
  /** The workflow declares it (its gates may ask for it); the others are values recorded without a declaration. */
  asked: boolean;
}

/** The parts of a case the field list is read from (`GET /cases/{id}`). */
export type CaseWithFields = Pick<Schema<'CaseDto'>, 'declaredFields' | 'fields'>;

const TYPES: Record<Schema<'DeclaredFieldDto'>['type'], CaseFieldType> = {
  text: 'text',
  longText: 'longText',
  date: 'date',
  number: 'number',
  boolean: 'yesNo',
};

/**
 * THE ONE PLACE the case fields' list comes from: the fields the workflow declares, in its order,
 * with the label, type and help the service gives in the caller's language (`CaseDto.declaredFields`),
 * then any other field the case has a value for, named by its place ("Uppgift 3"), never by its key.
 */
export function caseFieldsOf(c: CaseWithFields): CaseFieldSpec[] {
  const list: CaseFieldSpec[] = c.declaredFields.map((f) => ({
    key: f.key,
    label: f.label,
    type: TYPES[f.type],
    ...(f.help ? { help: f.help } : {}),
    asked: true,
  }));
  for (const [key, value] of Object.entries(c.fields)) {
    if (list.some((f) => f.key === key)) continue;
    const type: CaseFieldType = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'yesNo' : 'longText';
    list.push({ key, label: w('unnamedField', { n: list.length + 1 }), type, help: w('savedField'), asked: false });
  }
  return list;
}

/** A field's saved value in words. */
export function valueText(value: string | number | boolean | undefined): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? w('yes') : w('no');
  if (typeof value === 'number') return value.toLocaleString(lang() === 'sv' ? 'sv-SE' : 'en-GB');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T12:00:00`).toLocaleDateString(lang() === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return value;
}
