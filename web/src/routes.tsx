import type { Route } from './router';
import { route } from './router';
import { AccessibilityPage } from './pages/accessibility';
import { CasePage } from './pages/case';
import { InboxPage } from './pages/inbox';
import { MyCasesPage } from './pages/my-cases';
import { CheckPage, WorkflowPage, WorkflowsPage } from './pages/workflows';
import { partyRoutes } from './pages/parties/routes';
import { goalRoutes } from './pages/goals/routes';
import { resourceRoutes } from './pages/resources/routes';
import { actionRoutes } from './pages/actions/routes';
import { newCaseRoutes } from './pages/new-case/routes';
import { documentRoutes } from './pages/documents/routes';
import { decisionPointRoutes } from './pages/decision-points/routes';
import { caseFieldRoutes } from './pages/case-fields/routes';
import { adminRoutes } from './pages/admin/routes';
import { workflowAdminRoutes } from './pages/workflow-admin/routes';

/** The pages that are not forms of an area. */
const pages: Route[] = [
  route('/accessibility', () => <AccessibilityPage />, { public: true }),
  route('/', () => <MyCasesPage />),
  route('/cases/:id', ({ params, me }) => <CasePage id={params.id} me={me} />),
  route('/inbox', () => <InboxPage />),
  route('/workflows', ({ me }) => <WorkflowsPage me={me} />),
  route('/workflows/check', ({ me }) => <CheckPage me={me} />),
  route('/workflows/:id/:version', ({ params }) => <WorkflowPage id={params.id} version={Number(params.version)} />),
];

/**
 * The route table: the first pattern that matches the address shows its page. An area adds its
 * pages by exporting a `Route[]` from its own module and adding it here, one line.
 */
export const ROUTES: readonly Route[] = [
  ...newCaseRoutes,
  ...pages,
  ...partyRoutes,
  ...goalRoutes,
  ...resourceRoutes,
  ...actionRoutes,
  ...documentRoutes,
  ...decisionPointRoutes,
  ...caseFieldRoutes,
  ...adminRoutes,
  ...workflowAdminRoutes,
];
