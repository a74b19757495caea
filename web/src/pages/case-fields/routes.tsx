import { route, type Route } from '../../router';
import { CaseFieldsPage } from './form';
import { CASE_FIELD_PATHS } from './paths';

/** The case fields' form page (the list is in the case page's overview: summary.tsx). */
export const caseFieldRoutes: Route[] = [
  route(CASE_FIELD_PATHS.change, ({ params, me, query }) => <CaseFieldsPage caseId={params.id} me={me} focus={query.get('field')} />, {
    keepOnLanguageSwitch: true,
  }),
];
