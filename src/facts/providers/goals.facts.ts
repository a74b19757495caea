import { GoalRecord, MeasurementRecord } from '../../governance/goal.entity.js';
import { missingForMeasurable, progressOf } from '../../governance/goal-progress.js';
import type { FactContext, FactProvider } from '../fact-provider.js';
import { partiesOf, partyItem } from './case-data.js';

/** Facts about the goals: measurable, measured, on track, and for whom. */
export class GoalsFacts implements FactProvider {
  readonly provides = ['goalCount', 'goalKpis', 'unmeasurableGoals', 'partiesWithoutGoal', 'goalsWithoutFollowUp', 'goalsOffTrack'] as const;

  async compute({ em, record }: FactContext): Promise<Record<string, unknown>> {
    const goals = await em.find(GoalRecord, { caseId: record.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const measurements = goals.length ? await em.find(MeasurementRecord, { goalId: { $in: goals.map((g) => g.id) } }) : [];
    const byGoal = new Map<string, MeasurementRecord[]>();
    for (const m of measurements) byGoal.set(m.goalId, [...(byGoal.get(m.goalId) ?? []), m]);
    const parties = await partiesOf(em, record.id);
    const measuredFor = (p: (typeof parties)[number]) =>
      goals.some((g) => g.organisationId === p.organisation.id || (!!g.municipalityCode && g.municipalityCode === p.organisation.municipalityCode));
    return {
      goalCount: goals.length,
      goalKpis: [...new Set(goals.map((g) => g.kpi).filter((k): k is string => !!k))].sort(),
      unmeasurableGoals: goals
        .map((g) => ({ g, missing: missingForMeasurable(g) }))
        .filter(({ missing }) => missing.length)
        .map(({ g, missing }) => ({
          label: g.title,
          goal: g.id,
          missing: missing.map((m) => m.sv).join(', '),
          missingEn: missing.map((m) => m.en).join(', '),
        })),
      partiesWithoutGoal: parties.filter((p) => p.party.responsibilities.some((r) => r === 'decides' || r === 'contributes') && !measuredFor(p)).map(partyItem),
      goalsWithoutFollowUp: goals.filter((g) => progressOf(g, byGoal.get(g.id) ?? []).latest === null).map((g) => ({ label: g.title, goal: g.id })),
      goalsOffTrack: goals
        .map((g) => ({ g, p: progressOf(g, byGoal.get(g.id) ?? []) }))
        .filter(({ p }) => p.onTrack === false)
        .map(({ g, p }) => ({ label: g.title, goal: g.id, progress: `${Math.round((p.share ?? 0) * 100)} %` })),
    };
  }
}
