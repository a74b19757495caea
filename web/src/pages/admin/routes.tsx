import { route, type Route } from '../../router';
import { AdminHomePage } from './home';
import { NewBoardPage, NewOrganisationPage, OrganisationPage, OrganisationsPage } from './organisations';
import { RetryPage, OutboxPage } from './outbox';
import { ADMIN_PATHS } from './paths';
import { ChangePersonPage, DeactivatePersonPage, NewPersonPage, PeoplePage } from './people';
import { NewTokenPage, RevokeTokenPage, TokensPage } from './tokens';

const keep = { keepOnLanguageSwitch: true };

/** The administration's pages: the registry, API tokens and the outbox (administrators only). */
export const adminRoutes: Route[] = [
  route(ADMIN_PATHS.home, ({ me }) => <AdminHomePage me={me} />),
  route(ADMIN_PATHS.organisations, ({ me, query }) => <OrganisationsPage me={me} query={query} />),
  route(ADMIN_PATHS.newOrganisation, ({ me }) => <NewOrganisationPage me={me} />, keep),
  route(ADMIN_PATHS.newBoard, ({ me, params }) => <NewBoardPage me={me} organisationId={params.org} />, keep),
  route(ADMIN_PATHS.organisation, ({ me, params }) => <OrganisationPage me={me} organisationId={params.org} />),
  route(ADMIN_PATHS.people, ({ me, query }) => <PeoplePage me={me} query={query} />),
  route(ADMIN_PATHS.newPerson, ({ me, query }) => <NewPersonPage me={me} query={query} />, keep),
  route(ADMIN_PATHS.changePerson, ({ me, params }) => <ChangePersonPage me={me} personId={params.person} />, keep),
  route(ADMIN_PATHS.deactivatePerson, ({ me, params }) => <DeactivatePersonPage me={me} personId={params.person} />, keep),
  route(ADMIN_PATHS.tokens, ({ me }) => <TokensPage me={me} />),
  route(ADMIN_PATHS.newToken, ({ me, query }) => <NewTokenPage me={me} query={query} />, keep),
  route(ADMIN_PATHS.revokeToken, ({ me, params }) => <RevokeTokenPage me={me} tokenId={params.token} />, keep),
  route(ADMIN_PATHS.outbox, ({ me, query }) => <OutboxPage me={me} query={query} />),
  route(ADMIN_PATHS.retry, ({ me, params }) => <RetryPage me={me} messageId={params.message} />, keep),
];
