import { to } from '../../router';

/** The addresses of the decision points' form pages. */
export const DECISION_POINT_PATHS = {
  add: '/cases/:id/decision-points/new',
  change: '/cases/:id/decision-points/:key/change',
} as const;

/** The case page at the decisions area: where the forms go back to. */
export const decisionsOf = (caseId: string) => to('/cases/:id', { id: caseId }, undefined, 'decisions');
