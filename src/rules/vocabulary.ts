import type { Language, LocalizedText } from '../common/i18n.js';

/**
 * The kinds of value a case field holds. A field's value is stored as JSON: `text` and `longText`
 * as a text (one line, or several), `date` as a text `YYYY-MM-DD` (a Swedish calendar date),
 * `number` as a finite number and `boolean` as true or false.
 */
export const FIELD_TYPES = ['text', 'longText', 'date', 'number', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * The kinds a document of a case can have (`POST /cases/{id}/documents` takes one of them). A
 * workflow declares those its gates and forms use, with its own labels (Borås calls its situation
 * analysis "Lägesbild"); the others keep the labels of {@link DEFAULT_DOCUMENT_KIND_LABELS}.
 */
export const DOCUMENT_KINDS = [
  'agreement',
  'declarationOfIntent',
  'problemStatement',
  'situationAnalysis',
  'plan',
  'followUpReport',
  'steeringDocument',
  'decision',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What each document kind is called where the workflow does not say. */
export const DEFAULT_DOCUMENT_KIND_LABELS: Record<DocumentKind, LocalizedText> = {
  agreement: { sv: 'Avtal', en: 'Agreement' },
  declarationOfIntent: { sv: 'Avsiktsförklaring', en: 'Declaration of intent' },
  problemStatement: { sv: 'Problemformulering', en: 'Problem statement' },
  situationAnalysis: { sv: 'Nulägesanalys', en: 'Situation analysis' },
  plan: { sv: 'Plan', en: 'Plan' },
  followUpReport: { sv: 'Uppföljningsrapport', en: 'Follow-up report' },
  steeringDocument: { sv: 'Styrdokument', en: 'Steering document' },
  decision: { sv: 'Beslut', en: 'Decision' },
  other: { sv: 'Annat dokument', en: 'Other document' },
};

/** A case field a workflow declares (an element of `meta.fields` of the workflow file). */
export interface FieldDeclaration {
  /** lowerCamelCase: the key of the field on the case and in `PATCH /cases/{id}/fields`. */
  key: string;
  type: FieldType;
  /** What the field is called on screens and in messages, e.g. "Plan för fortsättningen". */
  label: LocalizedText;
  /** The hint under the label: what to write. */
  help?: LocalizedText;
}

/** A kind of document a workflow declares (an element of `meta.documentKinds`). */
export interface DocumentKindDeclaration {
  /** One of {@link DOCUMENT_KINDS}. */
  key: string;
  /** What documents of the kind are called, e.g. "Avsiktsförklaring". */
  label: LocalizedText;
  help?: LocalizedText;
}

/**
 * The words of one workflow version: the case fields and document kinds it declares, keyed by
 * key, in the order the file gives them (the file lists them in arrays: a definition is stored as
 * `jsonb`, which keeps the order of arrays but not of an object's keys). Gates name fields and kinds by key; people read them by
 * label. Every field and kind a gate of the workflow names is declared (the workflow validator
 * refuses a gate naming another).
 */
export interface Vocabulary {
  fields: Readonly<Record<string, FieldDeclaration>>;
  documentKinds: Readonly<Record<string, DocumentKindDeclaration>>;
}

/** A vocabulary that declares nothing (labels fall back to the keys). */
export const NO_VOCABULARY: Vocabulary = { fields: {}, documentKinds: {} };

/**
 * The vocabulary of the declarations of a workflow file, keyed by key in the file's order (the
 * first of two with one key: validation refuses a key declared twice). Objects without a
 * prototype, so that no key finds an inherited member. Pure.
 */
export function vocabularyFrom(fields: readonly FieldDeclaration[] = [], documentKinds: readonly DocumentKindDeclaration[] = []): Vocabulary {
  const byKey = <T extends { key: string }>(list: readonly T[]): Record<string, T> => {
    const out = Object.create(null) as Record<string, T>;
    for (const item of list) if (!Object.hasOwn(out, item.key)) out[item.key] = item;
    return out;
  };
  return { fields: byKey(fields), documentKinds: byKey(documentKinds) };
}

/** What a key of a vocabulary names. */
export type NameKind = 'field' | 'documentKind';

/**
 * The label of a declared field or document kind; for a document kind the workflow does not
 * declare, its default label; else the key itself (in every language), which validation prevents
 * for the names a gate uses. Own entries only. Pure.
 */
export function labelOf(vocabulary: Vocabulary, kind: NameKind, key: string): LocalizedText {
  const entries: Readonly<Record<string, { label: LocalizedText }>> = kind === 'field' ? vocabulary.fields : vocabulary.documentKinds;
  // Own entries only: a key such as "constructor" never finds what every object inherits.
  if (Object.hasOwn(entries, key)) return entries[key]!.label;
  if (kind === 'documentKind' && Object.hasOwn(DEFAULT_DOCUMENT_KIND_LABELS, key)) return DEFAULT_DOCUMENT_KIND_LABELS[key as DocumentKind];
  return { sv: key, en: key };
}

/**
 * Every kind a document of the case can have, as a form lists them: those the workflow declares
 * first, in its order, with its labels and help; then the other kinds with their default labels.
 * Pure.
 */
export function documentKindsOf(vocabulary: Vocabulary): Array<{ key: string; label: LocalizedText; help?: LocalizedText; declared: boolean }> {
  const declared = Object.values(vocabulary.documentKinds).map((k) => ({ key: k.key, label: k.label, ...(k.help ? { help: k.help } : {}), declared: true }));
  const rest = DOCUMENT_KINDS.filter((k) => !Object.hasOwn(vocabulary.documentKinds, k)).map((key) => ({
    key,
    label: DEFAULT_DOCUMENT_KIND_LABELS[key],
    declared: false,
  }));
  return [...declared, ...rest];
}

/** {@link labelOf} in one language. */
export function labelIn(vocabulary: Vocabulary, kind: NameKind, key: string, lang: Language): string {
  return labelOf(vocabulary, kind, key)[lang];
}
