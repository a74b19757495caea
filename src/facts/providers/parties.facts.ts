import { ROLE_TITLES, type CaseRole } from '../../definitions/roles.js';
import { PersonRecord } from '../../registry/organisation.entity.js';
import { CaseRoleRecord, ChairRotationRecord } from '../../cases/party.entity.js';
import type { FactContext, FactProvider } from '../fact-provider.js';
import { partiesOf, partyItem } from './case-data.js';

/** Facts about who takes part and who holds which role. */
export class PartiesFacts implements FactProvider {
  readonly provides = [
    'partyCount',
    'leadingParties',
    'decidingParties',
    'contributingParties',
    'rolesHeld',
    'vacantRequiredRoles',
    'chairRotationSet',
    'currentChair',
    'partiesWithoutBenefit',
  ] as const;

  async compute({ em, record }: FactContext): Promise<Record<string, unknown>> {
    const parties = await partiesOf(em, record.id);
    const names = (r: string) => parties.filter((p) => p.party.responsibilities.includes(r as never)).map((p) => p.organisation.name);
    const roles = await em.find(CaseRoleRecord, { caseId: record.id }, { orderBy: { role: 'asc', id: 'asc' } });
    const holderIds = roles.map((r) => r.holderId).filter((id): id is string => !!id);
    const active = new Set((holderIds.length ? await em.find(PersonRecord, { id: { $in: holderIds }, active: true }) : []).map((p) => p.id));
    const orgName = new Map(parties.map((p) => [p.organisation.id, p.organisation.name]));
    const held = (r: CaseRoleRecord) => !!r.holderId && active.has(r.holderId);
    const rotation = await em.findOne(ChairRotationRecord, { caseId: record.id });
    const chair = roles.find((r) => r.role === 'chair' && held(r));
    return {
      partyCount: parties.length,
      leadingParties: names('leads'),
      decidingParties: names('decides'),
      contributingParties: names('contributes'),
      rolesHeld: [...new Set(roles.filter(held).map((r) => r.role))].sort(),
      vacantRequiredRoles: roles
        .filter((r) => r.required && !held(r))
        .map((r) => ({
          label: `${ROLE_TITLES[r.role as CaseRole]?.sv ?? r.role} för ${orgName.get(r.organisationId) ?? 'okänd part'}`,
          role: r.role,
          organisation: r.organisationId,
        })),
      chairRotationSet: !!rotation,
      currentChair: chair ? (orgName.get(chair.organisationId) ?? '') : '',
      partiesWithoutBenefit: parties
        .filter((p) => (p.party.responsibilities.includes('decides') || p.party.responsibilities.includes('contributes')) && !p.party.benefit?.trim())
        .map(partyItem),
    };
  }
}
