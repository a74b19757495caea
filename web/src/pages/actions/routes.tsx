import { route, type Route } from '../../router';
import { ActionPage } from './forms';
import { ACTION_PATHS } from './paths';

/** The form pages of the action plan (the area itself is on the case page: area.tsx). */
export const actionRoutes: Route[] = [
  route(ACTION_PATHS.add, ({ params, me }) => <ActionPage caseId={params.id} me={me} />, { keepOnLanguageSwitch: true }),
  route(ACTION_PATHS.change, ({ params, me }) => <ActionPage caseId={params.id} actionId={params.actionId} me={me} />, { keepOnLanguageSwitch: true }),
];
