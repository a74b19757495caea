import { route, type Route } from '../../router';
import { NEW_CASE_PATHS } from './paths';
import { NewCasePage } from './start';

/** Starting a case. Put before `/cases/:id` in the route table (the first match wins). */
export const newCaseRoutes: Route[] = [route(NEW_CASE_PATHS.start, ({ me }) => <NewCasePage me={me} />, { keepOnLanguageSwitch: true })];
