import { to } from '../../router';

/** The addresses of the goals area's form pages; routes.tsx shows them, the case page links to them. */
export const GOAL_PATHS = {
  add: '/cases/:id/goals/new',
  change: '/cases/:id/goals/:goalId/change',
  measure: '/cases/:id/goals/:goalId/measurements/new',
  import: '/cases/:id/goals/import',
} as const;

/** The case page at the goals area: where the forms go back to. */
export const goalsOf = (caseId: string) => to('/cases/:id', { id: caseId }, undefined, 'goals');
