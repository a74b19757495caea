import { api, type Me, type Schema } from '../../api';
import type { CaseAccess } from '../../access';
import { lang } from '../../i18n';
import type { PartiesData } from '../parties/common';
import { leadingNames, num, useWorkData, workInstead } from './case-work';
import { goalsOf } from './paths';
import { w } from './words';

export type Goal = Schema<'GoalViewDto'>;

/** Reads the goals of a case. */
export const readGoals = (caseId: string): Promise<Goal[]> => api.read('/cases/{id}/goals', { params: { id: caseId } });

/** The case, its parties and its goals for a form page of the goals area. */
export const useGoalsData = (caseId: string, me: Me | null) => useWorkData(caseId, me, () => readGoals(caseId));

/** Who may add and change goals, naming the leading party. */
export function whoMayRun(parties: PartiesData['parties']): string {
  const org = leadingNames(parties);
  return org ? w('whoMayRun', { org }) : w('whoMayRunNoLead');
}

/** May the person record a measurement of this goal (a party's goal by that party or for it; a joint one by any contributor)? */
export function mayMeasure(access: CaseAccess, goal: Goal): boolean {
  if (!access.contributes) return false;
  const org = goal.measuredFor.organisationId;
  return !org || access.runsCase || access.contributesFor.includes(org);
}

/** The way back from a form page of the area. */
export const backToGoals = (caseId: string) => ({ href: goalsOf(caseId), text: w('backToCase') });

/** A form page of the area that only those who run the case may use. */
export const runInstead = (state: ReturnType<typeof useGoalsData>, caseId: string) =>
  workInstead(state, (a) => a.runsCase, `${whoMayRun(state.loaded?.data.parties.parties ?? [])} ${w('notAllowed')}`, backToGoals(caseId));

/** Whom a goal is measured for, in words: "för Växjö kommun", "gemensamt mål", with the municipality code. */
export function measuredForText(goal: Goal, parties: PartiesData['parties']): string {
  const org = goal.measuredFor.organisationId ? parties.find((p) => p.organisation.id === goal.measuredFor.organisationId)?.organisation.name : null;
  const bits = [org ? w('goalFor', { who: org }) : w('jointOption')];
  if (goal.measuredFor.municipalityCode) bits.push(w('municipality', { code: goal.measuredFor.municipalityCode }));
  return bits.join(', ');
}

/** The indicator in words: its name or "Kolada N03937", with the unit. */
export function indicatorText(goal: Goal): string {
  const name = goal.indicator.name ?? (goal.indicator.kpi ? w('koladaKpi', { kpi: goal.indicator.kpi }) : w('notSet'));
  const kpi = goal.indicator.name && goal.indicator.kpi ? ` (${w('koladaKpi', { kpi: goal.indicator.kpi })})` : '';
  return `${name}${kpi}${goal.indicator.unit ? `, ${goal.indicator.unit}` : ''}`;
}

/** A value with its unit ("12,4 %"). */
export function withUnit(value: number | null, goal: Goal): string {
  if (value === null) return '–';
  return `${num(value, lang())}${goal.indicator.unit ? ` ${goal.indicator.unit}` : ''}`;
}

/** The target in words: the value, and for a relative target the change it means. */
export function targetText(goal: Goal): string {
  if (goal.target.value === null || goal.target.kind === null) return w('notSet');
  const value = withUnit(goal.target.resolvedValue, goal);
  const shown = goal.target.kind === 'relative' ? w('targetRelative', { value, change: num(goal.target.value, lang()) }) : value;
  return goal.target.year ? `${shown}, ${goal.target.year}` : shown;
}

/** A share (0.42) as a percentage in words ("42 %"). */
export const percent = (share: number | null): string => (share === null ? '–' : `${num(Math.round(share * 100), lang())} %`);

/**
 * Goals that are one goal measured for several parties (the same text and indicator, one per
 * party or municipality): shown together, with one chart, instead of one identical chart each.
 */
export function groupGoals(goals: readonly Goal[]): Goal[][] {
  const groups = new Map<string, Goal[]>();
  for (const g of goals) {
    const key = [g.title, g.indicator.kpi ?? '', g.indicator.name ?? ''].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  return [...groups.values()];
}
