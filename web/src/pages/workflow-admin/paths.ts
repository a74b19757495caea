/** The addresses of the workflow owners' pages beyond the catalogue; routes.tsx shows them. */
export const WORKFLOW_ADMIN_PATHS = {
  publish: '/workflows/publish',
} as const;
