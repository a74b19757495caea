/** The addresses of the administration area's pages; routes.tsx shows them. */
export const ADMIN_PATHS = {
  home: '/admin',
  organisations: '/admin/organisations',
  newOrganisation: '/admin/organisations/new',
  organisation: '/admin/organisations/:org',
  newBoard: '/admin/organisations/:org/boards/new',
  people: '/admin/people',
  newPerson: '/admin/people/new',
  changePerson: '/admin/people/:person/change',
  deactivatePerson: '/admin/people/:person/deactivate',
  tokens: '/admin/tokens',
  newToken: '/admin/tokens/new',
  revokeToken: '/admin/tokens/:token/revoke',
  outbox: '/admin/outbox',
  retry: '/admin/outbox/:message/retry',
} as const;
