import { to } from '../../router';

/** The addresses of the resources area's form pages. */
export const RESOURCE_PATHS = {
  add: '/cases/:id/resources/new',
  withdraw: '/cases/:id/resources/:commitmentId/withdraw',
} as const;

/** The case page at the resources area: where the forms go back to. */
export const resourcesOf = (caseId: string) => to('/cases/:id', { id: caseId }, undefined, 'resources');
