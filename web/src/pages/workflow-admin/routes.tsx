import { route, type Route } from '../../router';
import { WORKFLOW_ADMIN_PATHS } from './paths';
import { PublishPage } from './publish';

/** The workflow owners' pages beyond the catalogue: publishing a checked version. */
export const workflowAdminRoutes: Route[] = [route(WORKFLOW_ADMIN_PATHS.publish, ({ me }) => <PublishPage me={me} />, { keepOnLanguageSwitch: true })];
