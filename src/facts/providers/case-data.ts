import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganisationRecord } from '../../registry/organisation.entity.js';
import { CasePartyRecord } from '../../cases/party.entity.js';

/** A case's parties with their organisations, as several providers need them. */
export interface PartyWithOrganisation {
  party: CasePartyRecord;
  organisation: OrganisationRecord;
}

/** Loads a case's parties and their organisations in two queries, in the order they joined. */
export async function partiesOf(em: EntityManager, caseId: string): Promise<PartyWithOrganisation[]> {
  const parties = await em.find(CasePartyRecord, { caseId }, { orderBy: { addedSeq: 'asc' } });
  const organisations = await organisationsById(em, parties.map((p) => p.organisationId));
  return parties.map((party) => ({ party, organisation: organisations.get(party.organisationId)! }));
}

/** Organisations by id. */
export async function organisationsById(em: EntityManager, ids: Iterable<string>): Promise<Map<string, OrganisationRecord>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await em.find(OrganisationRecord, { id: { $in: list } });
  return new Map(rows.map((o) => [o.id, o]));
}

/** The list item naming a party in facts. */
export function partyItem(p: PartyWithOrganisation): { label: string; organisation: string } {
  return { label: p.organisation.name, organisation: p.organisation.id };
}
