import { to } from '../../router';

/** The addresses of the parties area's form pages; routes.tsx shows them, the case page links to them. */
export const PARTY_PATHS = {
  add: '/cases/:id/parties/new',
  change: '/cases/:id/parties/:org/change',
  remove: '/cases/:id/parties/:org/remove',
  assignRole: '/cases/:id/roles/new',
  changeRole: '/cases/:id/roles/:roleId/change',
  removeRole: '/cases/:id/roles/:roleId/remove',
  rotation: '/cases/:id/chair/rotation',
  rotate: '/cases/:id/chair/rotate',
} as const;

/** The case page at the parties area: where the forms go back to. */
export const partiesOf = (caseId: string) => to('/cases/:id', { id: caseId }, undefined, 'parties');
