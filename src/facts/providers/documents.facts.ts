import { DocumentRecord, SignatureRecord } from '../../governance/document.entity.js';
import { factKey, type FactRequest } from '../../rules/fact-key.js';
import type { FactContext, FactProvider } from '../fact-provider.js';
import { partiesOf, partyItem } from './case-data.js';

/** Kinds of documents that sign the collaboration into being. */
const SIGNED_KINDS = ['agreement', 'declarationOfIntent'];

/**
 * Facts about documents. Confidential documents count (a gate may need one to exist) but facts
 * carry only their kind, never a title or content.
 */
export class DocumentsFacts implements FactProvider {
  readonly provides = ['documentKinds', 'unsignedParties', 'partiesNotEndorsed'] as const;

  async compute({ em, record }: FactContext, wanted: readonly FactRequest[]): Promise<Record<string, unknown>> {
    const documents = await em.find(DocumentRecord, { caseId: record.id });
    const signatures = documents.length ? await em.find(SignatureRecord, { documentId: { $in: documents.map((d) => d.id) } }) : [];
    const signedOn = (kinds: string[]) => {
      const ids = new Set(documents.filter((d) => kinds.includes(d.kind)).map((d) => d.id));
      return new Set(signatures.filter((s) => ids.has(s.documentId)).map((s) => s.organisationId));
    };
    const parties = await partiesOf(em, record.id);
    const agreementSigned = signedOn(SIGNED_KINDS);
    const out: Record<string, unknown> = {
      documentKinds: [...new Set(documents.map((d) => d.kind))].sort(),
      unsignedParties: parties.filter((p) => p.party.mustSign && !agreementSigned.has(p.organisation.id)).map(partyItem),
    };
    for (const request of wanted.filter((w) => w.name === 'partiesNotEndorsed')) {
      const endorsed = signedOn([String(request.params?.documentKind)]);
      out[factKey(request.name, request.params)] = parties
        .filter((p) => p.party.responsibilities.includes('decides') && !endorsed.has(p.organisation.id))
        .map(partyItem);
    }
    return out;
  }
}
