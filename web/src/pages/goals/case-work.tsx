import type { ComponentChild } from 'preact';
import { caseAccess, type CaseAccess } from '../../access';
import type { Me, Schema } from '../../api';
import { Loading } from '../../components/common';
import { NotAllowed, notYet, useCaseData, type CaseRead } from '../../forms';
import { readParties, type PartiesData } from '../parties/common';

/** What a form page of the goals, resources or action plan areas reads: the parties (for access and choices) and its own list. */
export interface WorkData<T> {
  parties: PartiesData;
  items: T;
}

/** Reads the case again (after a conflict), resolving with what it read. */
export type WorkReload<T> = () => Promise<CaseRead<WorkData<T>> | null>;

/**
 * The case, its parties and roles, the area's own list, and what the signed-in person may do:
 * the start of every form page of these three areas.
 */
export function useWorkData<T>(caseId: string, me: Me | null, load: () => Promise<T>) {
  const state = useCaseData(caseId, async () => {
    const [parties, items] = await Promise.all([readParties(caseId), load()]);
    return { parties, items };
  });
  const access: CaseAccess | null = state.loaded && me ? caseAccess(me, state.loaded.data.parties.parties, state.loaded.data.parties.roles) : null;
  return { ...state, access };
}

/**
 * What a form page shows instead of its form, or null when the form may be shown: "Hämtar …",
 * the case not found, or — to a person the rule does not allow — who may, and no form.
 */
export function workInstead<T>(
  state: ReturnType<typeof useWorkData<T>>,
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

/** The leading parties' names, for "who may" sentences. */
export function leadingNames(parties: ReadonlyArray<Schema<'PartyViewDto'>>): string {
  return parties
    .filter((p) => p.responsibilities.includes('leads'))
    .map((p) => p.organisation.name ?? '')
    .join(', ');
}

/** The parties the person may record something for: all when they run the case, else their own. */
export function partiesFor(access: CaseAccess, parties: ReadonlyArray<Schema<'PartyViewDto'>>): Array<Schema<'PartyViewDto'>> {
  return parties.filter((p) => access.runsCase || access.contributesFor.includes(p.organisation.id));
}

/** A number as people read it here (decimal comma, spaces between thousands). */
export function num(value: number | null | undefined, lang: 'sv' | 'en'): string {
  return value === null || value === undefined ? '–' : value.toLocaleString(lang === 'en' ? 'en-GB' : 'sv-SE');
}
