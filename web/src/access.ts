import type { Me, Schema } from './api';

/**
 * What the signed-in person may do on a case besides sending events. The API says which events a
 * person may send (`CaseDto.allowedEvents`) but has no such answer for its other writes, so the
 * interface works it out from the case's parties and roles with the service's own two rules
 * (src/access/policy.ts), and offers a form only to those who may use it. The service still
 * decides: a refusal (403) is shown in its words.
 */
export interface CaseAccess {
  /**
   * Runs the case (assertMayRunCase): parties, roles, the chair, decision points, goals, the action
   * plan, fields. The case's process owner, or the secretariat held for a party that leads.
   */
  runsCase: boolean;
  /**
   * Contributes to it (assertMayContribute): documents and signatures, resource commitments,
   * measurements. Any party's secretariat, or the process owner. What they record is for their own
   * party unless they run the case (assertMayActFor): see {@link contributesFor}.
   */
  contributes: boolean;
  /** The parties the person holds a secretariat or process-owner role for. */
  contributesFor: string[];
}

const NO_ACCESS: CaseAccess = { runsCase: false, contributes: false, contributesFor: [] };

/** The person's access from the case's parties and roles (`GET /cases/{id}/parties`, `…/roles`). */
export function caseAccess(me: Me | null, parties: ReadonlyArray<Schema<'PartyViewDto'>>, roles: ReadonlyArray<Schema<'RoleViewDto'>>): CaseAccess {
  const personId = me?.person.id;
  if (!personId) return NO_ACCESS;
  const leading = new Set(parties.filter((p) => p.responsibilities.includes('leads')).map((p) => p.organisation.id));
  const held = roles.filter((r) => r.holder?.id === personId);
  const contributing = held.filter((r) => r.role === 'secretariat' || r.role === 'processOwner');
  return {
    runsCase: held.some((r) => r.role === 'processOwner' || (r.role === 'secretariat' && leading.has(r.organisation.id))),
    contributes: contributing.length > 0,
    contributesFor: [...new Set(contributing.map((r) => r.organisation.id))],
  };
}
