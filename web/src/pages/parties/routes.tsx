import { route, type Route } from '../../router';
import { RotatePage, RotationPage } from './chair-forms';
import { AddPartyPage, ChangePartyPage, RemovePartyPage } from './party-forms';
import { PARTY_PATHS } from './paths';
import { AssignRolePage, ChangeRolePage, RemoveRolePage } from './role-forms';

/** The form pages of the parties area (the area itself is on the case page: area.tsx). */
export const partyRoutes: Route[] = [
  route(PARTY_PATHS.add, ({ params, me }) => <AddPartyPage caseId={params.id} me={me} />, { keepOnLanguageSwitch: true }),
  route(PARTY_PATHS.change, ({ params, me }) => <ChangePartyPage caseId={params.id} organisationId={params.org} me={me} />, { keepOnLanguageSwitch: true }),
  route(PARTY_PATHS.remove, ({ params, me }) => <RemovePartyPage caseId={params.id} organisationId={params.org} me={me} />, { keepOnLanguageSwitch: true }),
  route(PARTY_PATHS.assignRole, ({ params, me, query }) => <AssignRolePage caseId={params.id} me={me} query={query} />, { keepOnLanguageSwitch: true }),
  route(PARTY_PATHS.changeRole, ({ params, me }) => <ChangeRolePage caseId={params.id} roleId={params.roleId} me={me} />, { keepOnLanguageSwitch: true }),
  route(PARTY_PATHS.removeRole, ({ params, me }) => <RemoveRolePage caseId={params.id} roleId={params.roleId} me={me} />, { keepOnLanguageSwitch: true }),
  route(PARTY_PATHS.rotation, ({ params, me }) => <RotationPage caseId={params.id} me={me} />, { keepOnLanguageSwitch: true }),
  route(PARTY_PATHS.rotate, ({ params, me }) => <RotatePage caseId={params.id} me={me} />, { keepOnLanguageSwitch: true }),
];
