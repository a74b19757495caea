import { route, type Route } from '../../router';
import { GoalPage } from './goal-form';
import { ImportPage } from './import-form';
import { MeasurePage } from './measure-form';
import { GOAL_PATHS } from './paths';

/** The form pages of the goals area (the area itself is on the case page: area.tsx). */
export const goalRoutes: Route[] = [
  route(GOAL_PATHS.add, ({ params, me }) => <GoalPage caseId={params.id} me={me} />, { keepOnLanguageSwitch: true }),
  route(GOAL_PATHS.import, ({ params, me }) => <ImportPage caseId={params.id} me={me} />, { keepOnLanguageSwitch: true }),
  route(GOAL_PATHS.change, ({ params, me }) => <GoalPage caseId={params.id} goalId={params.goalId} me={me} />, { keepOnLanguageSwitch: true }),
  route(GOAL_PATHS.measure, ({ params, me }) => <MeasurePage caseId={params.id} goalId={params.goalId} me={me} />, { keepOnLanguageSwitch: true }),
];
