import { to } from '../../router';

/** The address of the case fields' form page. */
export const CASE_FIELD_PATHS = { change: '/cases/:id/fields' } as const;

/** The case page at the case fields (in the overview): where the form goes back to. */
export const fieldsAreaOf = (caseId: string) => to('/cases/:id', { id: caseId }, undefined, 'case-fields');
