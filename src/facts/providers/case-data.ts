import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrganisationRecord } from '../../registry/organisation.entity.js';
import { organisationsById } from '../../registry/organisations-by-id.js';
import { CasePartyRecord } from '../../cases/party.entity.js';

/** A case's parties with their organisations, as several providers need them. */
export interface PartyWithOrganisation {
  party: CasePartyRecord;
  organisation: OrganisationRecord;
}

/** Loads a case's parties and their organisations in two queries, in the order they joined. */
export async function partiesOf(em: EntityManager, caseId: string): Promise<PartyWithOrganisation[]> {
  const parties = await em.find(CasePartyRecord, { caseId }, { orderBy: { addedSeq: 'asc' } });
  const organisations = await organisationsById(
    em,
    parties.map((p) => p.organisationId),
  );
  return parties.map((party) => ({ party, organisation: organisations.get(party.organisationId)! }));
}

/** The list item naming a party in facts. */
export function partyItem(p: PartyWithOrganisation): { label: string; organisation: string } {
  return { label: p.organisation.name, organisation: p.organisation.id };
}
