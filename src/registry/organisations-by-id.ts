import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganisationRecord } from './organisation.entity.js';

/** Organisations by id, in one query (none asked: no query). */
export async function organisationsById(em: EntityManager, ids: Iterable<string>): Promise<Map<string, OrganisationRecord>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await em.find(OrganisationRecord, { id: { $in: list } });
  return new Map(rows.map((o) => [o.id, o]));
}
