import { api, type Me, type Schema } from '../../api';
import { caseAccess, type CaseAccess } from '../../access';
import { Loading, useData } from '../../components/common';
import type { ComponentChild } from 'preact';
import { NotAllowed, notYet, useCaseData, type CaseRead, type Option } from '../../forms';
import { label } from '../../labels';
import { partiesOf } from './paths';
import { w } from './words';

export type Party = Schema<'PartyViewDto'>;
export type Role = Schema<'RoleViewDto'>;
export type Chair = Schema<'ChairDto'>;
export type Person = Schema<'PersonViewDto'>;
/** What a party does: leads, decides, contributes, informed. */
export type Responsibility = Schema<'AddPartyDto'>['responsibilities'][number];
/** A role on a case. */
export type CaseRole = Schema<'AssignRoleDto'>['role'];

/** What the parties area and its forms read of a case. */
export interface PartiesData {
  parties: Party[];
  roles: Role[];
  chair: Chair;
}

/** Reads the case and its parties again (after a conflict), resolving with what it read. */
export type Reload = () => Promise<CaseRead<PartiesData> | null>;

/** Reads the parties, roles and the chair of a case. */
export function readParties(caseId: string): Promise<PartiesData> {
  const params = { id: caseId };
  return Promise.all([api.read('/cases/{id}/parties', { params }), api.read('/cases/{id}/roles', { params }), api.read('/cases/{id}/chair', { params })]).then(
    ([parties, roles, chair]) => ({ parties, roles, chair }),
  );
}

/** The case, its parties, roles and chair, and what the signed-in person may do, for a form page. */
export function usePartiesData(caseId: string, me: Me | null) {
  const state = useCaseData(caseId, () => readParties(caseId));
  const access: CaseAccess | null = state.loaded && me ? caseAccess(me, state.loaded.data.parties, state.loaded.data.roles) : null;
  return { ...state, access };
}

/** The active people of an organisation, by name (for holder, deputy and chair). */
export function usePeople(organisationId: string | null) {
  return useData(
    async () =>
      organisationId
        ? (await api.read('/people', { query: { organisationId, limit: 500 } })).items
            .filter((p) => p.active)
            .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
        : [],
    [organisationId],
  );
}

const RESPONSIBILITIES = ['leads', 'decides', 'contributes', 'informed'] as const satisfies readonly Responsibility[];

/** The ways to take part, each with what it means. */
export function responsibilityOptions(): Option[] {
  const hints: Record<Responsibility, string> = {
    leads: w('leadsHint'),
    decides: w('decidesHint'),
    contributes: w('contributesHint'),
    informed: w('informedHint'),
  };
  return RESPONSIBILITIES.map((r) => ({ value: r, label: capitalise(label('responsibility', r)), hint: hints[r] }));
}

/** The order roles are offered in: the everyday ones first. */
const ROLES = ['secretariat', 'steeringGroup', 'manager', 'chair', 'member', 'observer', 'processOwner'] as const satisfies readonly CaseRole[];

const ROLE_HINTS: Record<CaseRole, { sv: string; en: string }> = {
  secretariat: {
    sv: 'Sköter ärendet för parten: registrerar beslut, dokument och resurser.',
    en: 'Runs the case for the party: records decisions, documents and resources.',
  },
  steeringGroup: { sv: 'Leder samverkan gemensamt och får eskaleringar.', en: 'Leads the collaboration jointly and gets escalations.' },
  manager: { sv: 'Får eskaleringar när ett steg står still.', en: 'Gets escalations when a step stalls.' },
  chair: {
    sv: 'Leder mötena. Med en rotation av ordförandeskapet sköts rollen av rotationen.',
    en: 'Chairs the meetings. With a chair rotation the rotation keeps this role.',
  },
  member: { sv: 'Deltar i styrgruppen eller forumet.', en: 'Takes part in the steering group or the forum.' },
  observer: { sv: 'Följer arbetet utan att delta i besluten.', en: 'Follows the work without taking part in the decisions.' },
  processOwner: { sv: 'Äger arbetsflödet för ärendet och får göra allt i det.', en: 'Owns the workflow of the case and may do everything in it.' },
};

/** The roles a party can be given, each with what it means; not the chair while a rotation keeps it. */
export function roleOptions(lang: 'sv' | 'en', rotating = false): Option[] {
  return ROLES.filter((r) => !(rotating && r === 'chair')).map((r) => ({ value: r, label: label('caseRole', r), hint: ROLE_HINTS[r][lang] }));
}

/** "leder, beslutar" */
export function responsibilitiesText(list: readonly string[]): string {
  return list.map((r) => label('responsibility', r)).join(', ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** A person's name and the role's deputy in words: "Maria Nilsson (ersättare: Per Holm)". */
export function holderText(role: Role): string {
  if (!role.holder) return w('vacant');
  return role.deputy ? `${role.holder.name ?? '–'}. ${w('deputyOf', { name: role.deputy.name ?? '–' })}` : (role.holder.name ?? '–');
}

/** Who may change parties, roles and the chair, naming the leading party when there is one. */
export function whoMay(parties: readonly Party[]): string {
  const leading = parties.filter((p) => p.responsibilities.includes('leads')).map((p) => p.organisation.name ?? '');
  return leading.length ? w('whoMayNamed', { org: leading.join(', ') }) : w('whoMay');
}

/** The way back from a form page of the area: the case, at the parties area. */
export const backToParties = (caseId: string) => ({ href: partiesOf(caseId), text: w('backToCase') });

/**
 * What a form page of the area shows instead of its form, or null when the form may be shown:
 * "Hämtar …", the case not found, or — to a person who may not run the case — who may, and no form.
 */
export function instead(state: ReturnType<typeof usePartiesData>, caseId: string): ComponentChild | null {
  const waiting = notYet(state);
  if (waiting || !state.loaded) return waiting;
  // Who is signed in is read once per visit; until then, no form is offered.
  if (!state.access) return <Loading />;
  if (!state.access.runsCase) return <NotAllowed why={`${whoMay(state.loaded.data.parties)} ${w('notAllowed')}`} back={backToParties(caseId)} />;
  return null;
}
