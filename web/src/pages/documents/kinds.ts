import type { Schema } from '../../api';
import type { Option } from '../../forms';

/** A kind of document as the API takes it. */
export type DocumentKind = Schema<'DocumentDto'>['kind'];

/** The document kinds of a case (`CaseDto.documentKinds`): key, label and help in the caller's language. */
export type CaseDocumentKinds = ReadonlyArray<Schema<'DocumentKindDto'>>;

/**
 * THE ONE PLACE the document kinds come from: the kinds offered when a document is registered, each
 * with its label and help, as the case answers them (`CaseDto.documentKinds`: the kinds the workflow
 * declares first, with its labels, then the others).
 */
export function documentKinds(kinds: CaseDocumentKinds): Option[] {
  return kinds.map((k) => ({ value: k.key, label: k.label, ...(k.help ? { hint: k.help } : {}) }));
}

/** A kind's label (the area's cards, the confirmation); never its key. */
export function kindLabel(kinds: CaseDocumentKinds, kind: string): string {
  return kinds.find((k) => k.key === kind)?.label ?? kinds.find((k) => k.key === 'other')?.label ?? '–';
}
