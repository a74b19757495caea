/** The address of the page that starts a case. It comes before `/cases/:id` in the route table. */
export const NEW_CASE_PATHS = { start: '/cases/new' } as const;
