import { DocumentRecord, SignatureRecord } from '../../governance/document.entity.js';
import type { FactContext, FactProvider } from '../fact-provider.js';
import { partiesOf, partyItem } from './case-data.js';

/** Kinds of documents that sign the collaboration into being. */
const SIGNED_KINDS = ['agreement', 'declarationOfIntent'];

/**
 * Facts about documents. Confidential documents count (a gate may need one to exist) but facts
 * carry only their kind, never a title or content.
 */
export class DocumentsFacts implements FactProvider {
  readonly provides = ['documentKinds', 'unsignedParties'] as const;

  async compute({ em, record }: FactContext): Promise<Record<string, unknown>> {
    const documents = await em.find(DocumentRecord, { caseId: record.id });
    const agreements = documents.filter((d) => SIGNED_KINDS.includes(d.kind)).map((d) => d.id);
    const signed = new Set((agreements.length ? await em.find(SignatureRecord, { documentId: { $in: agreements } }) : []).map((s) => s.organisationId));
    const parties = await partiesOf(em, record.id);
    return {
      documentKinds: [...new Set(documents.map((d) => d.kind))].sort(),
      unsignedParties: parties.filter((p) => p.party.mustSign && !signed.has(p.organisation.id)).map(partyItem),
    };
  }
}
