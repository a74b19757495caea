import { route, type Route } from '../../router';
import { AddResourcePage, WithdrawResourcePage } from './forms';
import { RESOURCE_PATHS } from './paths';

/** The form pages of the resources area (the area itself is on the case page: area.tsx). */
export const resourceRoutes: Route[] = [
  route(RESOURCE_PATHS.add, ({ params, me }) => <AddResourcePage caseId={params.id} me={me} />, { keepOnLanguageSwitch: true }),
  route(RESOURCE_PATHS.withdraw, ({ params, me }) => <WithdrawResourcePage caseId={params.id} commitmentId={params.commitmentId} me={me} />, {
    keepOnLanguageSwitch: true,
  }),
];
