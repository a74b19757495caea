import { to } from '../../router';

/** The addresses of the documents area's form pages. */
export const DOCUMENT_PATHS = {
  add: '/cases/:id/documents/new',
  file: '/cases/:id/documents/:documentId/file',
  sign: '/cases/:id/documents/:documentId/sign',
} as const;

/** The case page at the documents area: where the forms go back to. */
export const documentsOf = (caseId: string) => to('/cases/:id', { id: caseId }, undefined, 'documents');
