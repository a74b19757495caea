import { stockholmDate } from '../../calendar/working-days.js';
import { ActionRecord, ResourceCommitmentRecord } from '../../governance/work.entity.js';
import type { FactContext, FactProvider } from '../fact-provider.js';
import { organisationsById } from '../../registry/organisations-by-id.js';
import { partiesOf, partyItem } from './case-data.js';

/** Facts about resources and the action plan. */
export class WorkFacts implements FactProvider {
  readonly provides = [
    'partiesWithoutCommitment',
    'actionCount',
    'startedActionCount',
    'incompleteActions',
    'actionsWithoutSubgroup',
    'overdueActions',
  ] as const;

  async compute({ em, record, now }: FactContext, wanted: readonly { name: string }[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const names = new Set(wanted.map((w) => w.name));
    if (names.has('partiesWithoutCommitment')) {
      const parties = await partiesOf(em, record.id);
      const committed = new Set((await em.find(ResourceCommitmentRecord, { caseId: record.id })).map((r) => r.organisationId));
      out.partiesWithoutCommitment = parties
        .filter((p) => p.party.responsibilities.includes('contributes') && !committed.has(p.organisation.id))
        .map(partyItem);
    }
    if (['actionCount', 'startedActionCount', 'incompleteActions', 'actionsWithoutSubgroup', 'overdueActions'].some((n) => names.has(n))) {
      const actions = (await em.find(ActionRecord, { caseId: record.id }, { orderBy: { createdAt: 'asc', id: 'asc' } })).filter(
        (a) => a.status !== 'cancelled',
      );
      const organisations = await organisationsById(
        em,
        actions.map((a) => a.responsibleOrganisationId).filter((id): id is string => !!id),
      );
      const today = stockholmDate(now);
      out.actionCount = actions.length;
      out.startedActionCount = actions.filter((a) => a.status === 'inProgress' || a.status === 'done').length;
      out.incompleteActions = actions
        .filter((a) => !a.responsibleOrganisationId || !a.dueDate)
        .map((a) => {
          const missing = [
            ...(!a.responsibleOrganisationId ? [{ sv: 'ansvarig part', en: 'responsible party' }] : []),
            ...(!a.dueDate ? [{ sv: 'datum', en: 'due date' }] : []),
          ];
          return { label: a.title, action: a.id, missing: missing.map((m) => m.sv).join(' och '), missingEn: missing.map((m) => m.en).join(' and ') };
        });
      out.actionsWithoutSubgroup = actions.filter((a) => a.subgroup.length === 0).map((a) => ({ label: a.title, action: a.id }));
      out.overdueActions = actions
        .filter((a) => a.status !== 'done' && a.dueDate && a.dueDate < today)
        .map((a) => ({ label: a.title, action: a.id, dueDate: a.dueDate, responsible: organisations.get(a.responsibleOrganisationId ?? '')?.name ?? '–' }));
    }
    return out;
  }
}
