import type { EntityManager } from '@mikro-orm/postgresql';
import type { ActorOnCase } from '../access/actor.js';
import { assertMayActFor } from '../access/policy.js';
import type { LocalizedText } from '../common/i18n.js';
import { isUuid } from '../common/uuid.js';
import { OrganisationRecord } from '../registry/organisation.entity.js';

/** In the history of something registered for another party: the party it was registered for. */
export interface OnBehalfOf {
  organisation: string;
  name: string;
}

/** What is recorded for an organisation, as the messages say it. */
export const DEEDS = {
  sign: { sv: 'registrera en underskrift', en: 'record a signature' },
  commit: { sv: 'utlova resurser', en: 'commit resources' },
  withdraw: { sv: 'dra tillbaka resurser', en: 'withdraw resources' },
  addDocument: { sv: 'registrera ett dokument i diariet', en: 'register a document in the registry' },
  storeFile: { sv: 'spara en fil till ett dokument', en: 'store a file with a document' },
  measure: { sv: 'registrera mätvärden', en: 'record measurements' },
} satisfies Record<string, LocalizedText>;

/**
 * Checks that the actor may record `what` for the organisation (policy's assertMayActFor, with
 * the organisations named in words) and gives what the history event adds: `onBehalfOf` when the
 * actor registered it for another party than their own, nothing otherwise.
 * @param organisationId a party of the case (checked by the caller), or null for the case's own
 * @throws DomainError FORBIDDEN
 */
export async function actFor(em: EntityManager, actor: ActorOnCase, organisationId: string | null, what: LocalizedText): Promise<{ onBehalfOf?: OnBehalfOf }> {
  const ids = [...new Set([organisationId, actor.organisation].filter((id): id is string => !!id && isUuid(id)))];
  const organisations = ids.length ? await em.find(OrganisationRecord, { id: { $in: ids } }) : [];
  const name = (id: string) => organisations.find((o) => o.id === id)?.name ?? id;
  const target = organisationId ? { id: organisationId, name: name(organisationId) } : null;
  const how = assertMayActFor(actor, target, name(actor.organisation), what);
  return how === 'onBehalf' && target ? { onBehalfOf: { organisation: target.id, name: target.name } } : {};
}
