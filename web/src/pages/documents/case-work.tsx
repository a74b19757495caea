import type { ComponentChild } from 'preact';
import { caseAccess, type CaseAccess } from '../../access';
import { get, type Me, type PublishedWorkflow, type Schema } from '../../api';
import { Loading } from '../../components/common';
import { NotAllowed, notYet, useCaseData, type CaseRead } from '../../forms';
import { readParties, type PartiesData } from '../parties/common';

/*
 * What the form pages of the documents, decision points and case fields areas read of a case
 * besides their own data: its parties and roles (for who may), and its workflow definition (its
 * document kinds, the fields its gates ask for).
 */

/** A party of the case. */
export type Party = Schema<'PartyViewDto'>;

/** A case's parties and roles, its workflow as published, and the page's own data. */
export interface WorkData<T> extends PartiesData {
  workflow: PublishedWorkflow;
  own: T;
}

/** Reads the case again (after a conflict), resolving with what it read. */
export type WorkReload<T> = () => Promise<CaseRead<WorkData<T>> | null>;

/** The workflow version a case runs on (its definition and rule sets). */
export function readWorkflow(c: Schema<'CaseDto'>): Promise<PublishedWorkflow> {
  return get<PublishedWorkflow>(`/workflows/${encodeURIComponent(c.workflow.id)}/versions/${c.workflow.version}`);
}

/** The case, its parties, roles and workflow, the page's own data, and what the signed-in person may do. */
export function useWorkData<T>(caseId: string, me: Me | null, load: (c: Schema<'CaseDto'>) => Promise<T>) {
  const state = useCaseData(caseId, async (c): Promise<WorkData<T>> => {
    const [parties, workflow, own] = await Promise.all([readParties(caseId), readWorkflow(c), load(c)]);
    return { ...parties, workflow, own };
  });
  const access: CaseAccess | null = state.loaded && me ? caseAccess(me, state.loaded.data.parties, state.loaded.data.roles) : null;
  return { ...state, access };
}

/**
 * What a form page shows instead of its form, or null when the form may be shown: "Hämtar …", the
 * case not found, or — to a person the rule does not allow — who may, and no form.
 */
export function insteadOfForm(
  state: { loaded: unknown; error: unknown; access: CaseAccess | null },
  may: (access: CaseAccess) => boolean,
  whoMay: string,
  back: { href: string; text: string },
): ComponentChild | null {
  const waiting = notYet(state);
  if (waiting || !state.loaded) return waiting;
  if (!state.access) return <Loading />;
  if (!may(state.access)) return <NotAllowed why={whoMay} back={back} />;
  return null;
}

/** The parties a person may record things for: every party when they run the case, else their own. */
export function partiesFor(access: CaseAccess, parties: readonly Party[]): Party[] {
  return access.runsCase ? [...parties] : parties.filter((p) => access.contributesFor.includes(p.organisation.id));
}

/** The names of the leading parties, joined: "Borås stad". */
export function leadingNames(parties: readonly Party[]): string {
  return parties
    .filter((p) => p.responsibilities.includes('leads'))
    .map((p) => p.organisation.name ?? '')
    .join(', ');
}
