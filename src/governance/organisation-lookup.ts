import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganisationRecord } from '../registry/organisation.entity.js';
import { isUuid } from '../common/uuid.js';

/**
 * Finds an organisation by what people know it by: its registry id, its municipality or region
 * code (0780, 07), or its organisation number (with or without the hyphen).
 */
export async function findOrganisation(em: EntityManager, reference: string): Promise<OrganisationRecord | null> {
  const ref = reference.trim();
  if (isUuid(ref)) return em.findOne(OrganisationRecord, { id: ref.toLowerCase() });
  if (/^\d{2}(\d{2})?$/.test(ref)) return em.findOne(OrganisationRecord, { municipalityCode: ref });
  const digits = ref.replace('-', '');
  if (/^\d{10}$/.test(digits)) return em.findOne(OrganisationRecord, { orgNumber: `${digits.slice(0, 6)}-${digits.slice(6)}` });
  return null;
}
