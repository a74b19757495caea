import { to } from '../../router';

/** The addresses of the action plan's form pages. */
export const ACTION_PATHS = {
  add: '/cases/:id/actions/new',
  change: '/cases/:id/actions/:actionId/change',
} as const;

/** The case page at the action plan: where the forms go back to. */
export const actionsOf = (caseId: string) => to('/cases/:id', { id: caseId }, undefined, 'action-plan');
