import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PersonRecord } from '../governance/organisation.entity.js';
import { CasePartyRecord, CaseRoleRecord } from '../governance/party.entity.js';
import type { Actor } from './actor.js';

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
  async actorOnCase(em: EntityManager, caseId: string, actor: Actor): Promise<Actor> {
    if (actor.kind === 'system' || !actor.personId) return { ...actor, roles: actor.kind === 'system' ? actor.roles : [], holdings: [] };
    const held = await em.find(CaseRoleRecord, { caseId, holderId: actor.personId });
    const leading = new Set((await em.find(CasePartyRecord, { caseId })).filter((p) => p.responsibilities.includes('leads')).map((p) => p.organisationId));
    return {
      ...actor,
      roles: [...new Set(held.map((r) => r.role))].sort(),
      holdings: held.map((r) => ({ role: r.role, organisationId: r.organisationId, leads: leading.has(r.organisationId) })),
    };
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
