import { DocumentRecord, SignatureRecord } from '../../governance/document.entity.js';
import { SIGNED_KINDS } from '../../rules/fact-catalogue.js';
import { factKey, type FactRequest } from '../../rules/fact-key.js';
import type { FactContext, FactProvider } from '../fact-provider.js';
import { partiesOf, partyItem } from './case-data.js';

/**
 * Facts about documents. Confidential documents count (a gate may need one to exist) but facts
 * carry only their kind, never a title or content.
 */
export class DocumentsFacts implements FactProvider {
  readonly provides = ['documentKinds', 'unsignedParties', 'partiesNotEndorsed'] as const;

  async compute({ em, record }: FactContext, wanted: readonly FactRequest[]): Promise<Record<string, unknown>> {
    const documents = await em.find(DocumentRecord, { caseId: record.id });
    const signatures = documents.length ? await em.find(SignatureRecord, { documentId: { $in: documents.map((d) => d.id) } }) : [];
    const signedOn = (kinds: readonly string[]) => {
      const ids = new Set(documents.filter((d) => kinds.includes(d.kind)).map((d) => d.id));
      return new Set(signatures.filter((s) => ids.has(s.documentId)).map((s) => s.organisationId));
    };
    // The documents a party could sign, for a task to link to: those of the kinds, never a confidential one.
    const toSign = (kinds: readonly string[]) => documents.filter((d) => kinds.includes(d.kind) && !d.confidential).map((d) => d.id);
    const parties = await partiesOf(em, record.id);
    const agreementSigned = signedOn(SIGNED_KINDS);
    const agreements = toSign(SIGNED_KINDS);
    const out: Record<string, unknown> = {
      documentKinds: [...new Set(documents.map((d) => d.kind))].sort(),
      unsignedParties: parties
        .filter((p) => p.party.mustSign && !agreementSigned.has(p.organisation.id))
        .map((p) => ({ ...partyItem(p), documents: agreements })),
    };
    for (const request of wanted.filter((w) => w.name === 'partiesNotEndorsed')) {
      const kind = [String(request.params?.documentKind)];
      const endorsed = signedOn(kind);
      const ofKind = toSign(kind);
      out[factKey(request.name, request.params)] = parties
        .filter((p) => p.party.responsibilities.includes('decides') && !endorsed.has(p.organisation.id))
        .map((p) => ({ ...partyItem(p), documents: ofKind }));
    }
    return out;
  }
}
