import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonRecord } from '../registry/organisation.entity.js';
import { CaseRoleRecord } from './party.entity.js';
import type { Actor, ActorOnCase } from '../access/actor.js';
import { isUuid } from '../common/uuid.js';

/** Party to the case? And the roles the person holds on it, each with its party's responsibilities (and whether it leads). */
const STANDING_SQL = `
  select exists (select 1 from case_parties where case_id = ? and organisation_id = ?) as party,
         coalesce((select json_agg(json_build_object('role', r.role, 'organisationId', r.organisation_id, 'leads', coalesce(p.responsibilities @> '["leads"]', false), 'responsibilities', coalesce(p.responsibilities, '[]'::jsonb)) order by r.role, r.organisation_id)
                   from case_roles r left join case_parties p on p.case_id = r.case_id and p.organisation_id = r.organisation_id
                   where r.case_id = ? and r.holder_id = ?), '[]'::json) as holdings`;

/** A person holding a role on a case, as notifications and escalations need them. */
export interface RoleHolder {
  role: string;
  organisationId: string;
  personId: string;
  subject: string;
  name: string;
  email: string | null;
}

/**
 * Who holds which role on a case, from the case's role assignments (held *for an organisation*;
 * deactivated people hold nothing). Read at the moment it is asked, so a handover or a rotated
 * chair is respected.
 */
@Injectable()
export class CaseRoleDirectory {
  /** The actor with the roles they hold on the case (and the party each is held for). */
  async actorOnCase(em: EntityManager, caseId: string, actor: Actor): Promise<ActorOnCase> {
    return (await this.standing(em, caseId, actor)).actor;
  }

  /**
   * Where the actor stands on a case: whether their organisation is a party to it (and so may see
   * it), and the actor with the roles they hold on it. One query, because every command asks.
   */
  async standing(em: EntityManager, caseId: string, actor: Actor): Promise<{ party: boolean; actor: ActorOnCase }> {
    // The scheduler holds the workflow's `system` role on every case (a transition may name it).
    if (actor.kind === 'system') return { party: true, actor: { ...actor, roles: ['system'], holdings: [] } };
    if (!isUuid(caseId)) return { party: false, actor: { ...actor, roles: [], holdings: [] } };
    const organisation = isUuid(actor.organisation) ? actor.organisation : null;
    const personId = actor.personId && isUuid(actor.personId) ? actor.personId : null;
    const [row] = await em.execute<
      Array<{ party: boolean; holdings: Array<{ role: string; organisationId: string; leads: boolean; responsibilities: string[] }> }>
    >(STANDING_SQL, [caseId, organisation, caseId, personId]);
    const holdings = row?.holdings ?? [];
    return { party: row?.party ?? false, actor: { ...actor, roles: [...new Set(holdings.map((h) => h.role))].sort(), holdings } };
  }

  /** The active people holding these roles on the case (vacant roles have none). */
  async holders(em: EntityManager, caseId: string, roles: readonly string[]): Promise<RoleHolder[]> {
    if (!roles.length) return [];
    const assignments = await em.find(CaseRoleRecord, { caseId, role: { $in: [...roles] }, holderId: { $ne: null } });
    const ids = assignments.map((a) => a.holderId!);
    const people = new Map((ids.length ? await em.find(PersonRecord, { id: { $in: ids }, active: true }) : []).map((p) => [p.id, p]));
    return assignments
      .filter((a) => people.has(a.holderId!))
      .map((a) => {
        const p = people.get(a.holderId!)!;
        return { role: a.role, organisationId: a.organisationId, personId: p.id, subject: p.subject, name: p.name, email: p.email };
      });
  }
}
