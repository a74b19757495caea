import type { PublishedWorkflow, Schema } from '../../api';
import type { Option } from '../../forms';
import { label } from '../../labels';

/** A kind of document as the API takes it. */
export type DocumentKind = Schema<'DocumentDto'>['kind'];

/** Every kind the API takes today (DocumentDto.kind), in the order they are offered. */
const API_KINDS = [
  'agreement',
  'declarationOfIntent',
  'problemStatement',
  'situationAnalysis',
  'plan',
  'followUpReport',
  'steeringDocument',
  'decision',
  'other',
] as const satisfies readonly DocumentKind[];

/**
 * THE ONE PLACE the document kinds come from: the kinds offered when a document is registered, each
 * with its Swedish (or English) label. Today these are the API's fixed kinds, worded by
 * `label('documentKind', …)` (web/src/labels.ts). When workflows declare their document kinds with
 * labels, read them here from `workflow.definition` (and the API's DocumentDto will take them):
 * nothing else in the area needs to change.
 */
export function documentKinds(_workflow: PublishedWorkflow | null): Option[] {
  return API_KINDS.map((kind) => ({ value: kind, label: label('documentKind', kind) }));
}

/** A kind's label (the area's cards, the confirmation). */
export function kindLabel(workflow: PublishedWorkflow | null, kind: string): string {
  return documentKinds(workflow).find((k) => k.value === kind)?.label ?? label('documentKind', kind);
}
