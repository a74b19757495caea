import { route, type Route } from '../../router';
import { AddDocumentPage, SignPage, UploadFilePage } from './forms';
import { DOCUMENT_PATHS } from './paths';

/** The form pages of the documents area (the area itself is on the case page: area.tsx). */
export const documentRoutes: Route[] = [
  route(DOCUMENT_PATHS.add, ({ params, me, query }) => <AddDocumentPage caseId={params.id} me={me} kind={query.get('kind')} />, { keepOnLanguageSwitch: true }),
  route(DOCUMENT_PATHS.file, ({ params, me }) => <UploadFilePage caseId={params.id} documentId={params.documentId} me={me} />, { keepOnLanguageSwitch: true }),
  route(DOCUMENT_PATHS.sign, ({ params, me, query }) => <SignPage caseId={params.id} documentId={params.documentId} me={me} org={query.get('org')} />, {
    keepOnLanguageSwitch: true,
  }),
];
