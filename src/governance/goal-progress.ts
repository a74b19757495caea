import type { GoalDirection, GoalRecord } from './goal.entity.js';

/** A goal's target as a value, its direction, and how far the latest measurement has come. */
export interface GoalProgress {
  targetValue: number | null;
  direction: GoalDirection | null;
  latest: { period: number; value: number } | null;
  /** Share of the way from baseline to target reached by the latest measurement (0 = baseline, 1 = target). */
  share: number | null;
  /** Share expected by the latest measurement's year on a straight line from baseline to target. */
  expectedShare: number | null;
  /** null until there is a measurement after the baseline year. */
  onTrack: boolean | null;
}

type GoalFields = Pick<
  GoalRecord,
  'kpi' | 'indicatorName' | 'baselineValue' | 'baselineYear' | 'targetKind' | 'targetValue' | 'targetYear' | 'direction' | 'municipalityCode' | 'organisationId'
>;

/** The target as a value: absolute as given, relative as a percentage change of the baseline (−50 = halve). Pure. */
export function targetValueOf(goal: GoalFields): number | null {
  if (goal.targetValue === null || goal.targetKind === null) return null;
  if (goal.targetKind === 'absolute') return goal.targetValue;
  return goal.baselineValue === null ? null : round(goal.baselineValue * (1 + goal.targetValue / 100));
}

/** The direction the goal wants: as given, or read from baseline and target. Pure. */
export function directionOf(goal: GoalFields): GoalDirection | null {
  if (goal.direction) return goal.direction;
  const target = targetValueOf(goal);
  if (target === null || goal.baselineValue === null || target === goal.baselineValue) return null;
  return target < goal.baselineValue ? 'decrease' : 'increase';
}

/** What a goal lacks to be measurable (uppföljningsbart), in Swedish and English. Empty when measurable. Pure. */
export function missingForMeasurable(goal: GoalFields): Array<{ sv: string; en: string }> {
  const missing: Array<{ sv: string; en: string }> = [];
  if (!goal.kpi && !goal.indicatorName) missing.push({ sv: 'indikator', en: 'indicator' });
  if (!goal.municipalityCode && !goal.organisationId) missing.push({ sv: 'vad målet mäts för', en: 'what it is measured for' });
  if (goal.baselineValue === null || goal.baselineYear === null) missing.push({ sv: 'utgångsvärde', en: 'baseline' });
  if (goal.targetValue === null || goal.targetKind === null) missing.push({ sv: 'målvärde', en: 'target' });
  if (goal.targetYear === null) missing.push({ sv: 'måldatum', en: 'target date' });
  return missing;
}

/**
 * How far a goal has come: the latest measurement after the baseline year as a share of the way
 * to the target, against the share a straight line from baseline to target expects by then. Pure.
 */
export function progressOf(goal: GoalFields, measurements: ReadonlyArray<{ period: number; value: number }>): GoalProgress {
  const targetValue = targetValueOf(goal);
  const direction = directionOf(goal);
  const after = measurements.filter((m) => goal.baselineYear !== null && m.period > goal.baselineYear).sort((a, b) => a.period - b.period);
  const latest = after.at(-1) ?? null;
  const none = { targetValue, direction, latest, share: null, expectedShare: null, onTrack: null };
  if (!latest || targetValue === null || goal.baselineValue === null || goal.baselineYear === null || goal.targetYear === null) return none;
  const span = targetValue - goal.baselineValue;
  if (span === 0) return none;
  const share = round((latest.value - goal.baselineValue) / span);
  const years = goal.targetYear - goal.baselineYear;
  const expectedShare = years <= 0 ? 1 : round(Math.min(1, Math.max(0, (latest.period - goal.baselineYear) / years)));
  return { targetValue, direction, latest, share, expectedShare, onTrack: share >= expectedShare };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
