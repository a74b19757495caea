import { route, type Route } from '../../router';
import { AddDecisionPointPage, ChangeDecisionPointPage } from './forms';
import { DECISION_POINT_PATHS } from './paths';

/** The form pages of the decision points (the decisions area is on the case page). */
export const decisionPointRoutes: Route[] = [
  route(DECISION_POINT_PATHS.add, ({ params, me, query }) => <AddDecisionPointPage caseId={params.id} me={me} pointKey={query.get('key')} />, {
    keepOnLanguageSwitch: true,
  }),
  route(DECISION_POINT_PATHS.change, ({ params, me }) => <ChangeDecisionPointPage caseId={params.id} pointKey={params.key} me={me} />, {
    keepOnLanguageSwitch: true,
  }),
];
