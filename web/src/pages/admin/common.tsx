import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, type Me, type Schema } from '../../api';
import { ConfirmationBanner, NotAllowed, takeConfirmation, type Option } from '../../forms';
import { label } from '../../labels';
import { href, navigate, to } from '../../router';
import { lang, t } from '../../i18n';
import { Loading, useData } from '../../components/common';
import { ADMIN_PATHS } from './paths';
import { w } from './words';

export type Organisation = Schema<'OrganisationViewDto'>;
export type Person = Schema<'PersonViewDto'>;
export type Token = Schema<'TokenViewDto'>;
export type Notification = Schema<'NotificationViewDto'>;
/** A kind of organisation: municipality, region, … */
export type OrganisationKind = Schema<'CreateOrganisationDto'>['kind'];
/** A kind of board: council, executive, committee. */
export type BoardKind = Schema<'CreateBoardDto'>['kind'];
/** A system role: administrator, processOwner. */
export type SystemRole = 'administrator' | 'processOwner';

/** Whether the signed-in person is an administrator (policy.ts: assertMayKeepRegistry, assertAdministrator, assertMayKeepOutbox). */
export function isAdministrator(me: Me | null): boolean {
  return !!me?.systemRoles.includes('administrator');
}

/** The way back to the administration's start page. */
export const backToAdmin = () => ({ href: to(ADMIN_PATHS.home, {}), text: w('backToAdmin') });

/**
 * The page of the area, or — until the signed-in person is read — "Hämtar …", or to one who is no
 * administrator: who may, and no form.
 */
export function AdminOnly({ me, children }: { me: Me | null; children: () => ComponentChildren }) {
  if (!me) return <Loading />;
  if (!isAdministrator(me)) return <NotAllowed why={w('notAllowed')} back={{ href: href('/'), text: t('backToCases') }} />;
  return <>{children()}</>;
}

const ORGANISATION_KINDS = [
  'municipality',
  'region',
  'stateAgency',
  'university',
  'business',
  'civilSociety',
  'other',
] as const satisfies readonly OrganisationKind[];

/** The kinds of organisation in words. */
export function organisationKindOptions(): Option[] {
  return ORGANISATION_KINDS.map((k) => ({ value: k, label: label('organisationKind', k) }));
}

const BOARD_KINDS = ['committee', 'executive', 'council'] as const satisfies readonly BoardKind[];

/** The kinds of board in words, each with what it is. */
export function boardKindOptions(): Option[] {
  return BOARD_KINDS.map((k) => ({ value: k, label: w(k), hint: w(`${k}Hint`) }));
}

/** A board's kind in words. */
export function boardKindText(kind: string): string {
  return (BOARD_KINDS as readonly string[]).includes(kind) ? w(kind as BoardKind) : kind;
}

const SYSTEM_ROLES = ['administrator', 'processOwner'] as const satisfies readonly SystemRole[];

/** The system roles in words, each with what it allows. */
export function systemRoleOptions(): Option[] {
  return SYSTEM_ROLES.map((r) => ({ value: r, label: w(r), hint: w(`${r}Hint`) }));
}

/** "Administratör, Processägare", or "Inga". */
export function systemRolesText(roles: readonly string[] | undefined): string {
  const known = (roles ?? []).filter((r): r is SystemRole => (SYSTEM_ROLES as readonly string[]).includes(r));
  return known.length ? known.map((r) => w(r)).join(', ') : w('noSystemRoles');
}

/** Every organisation of the registry, by name (for pickers and for naming people's organisations). */
export function useOrganisations() {
  return useData(async () => (await api.read('/organisations', { query: { limit: 500 } })).items.sort((a, b) => a.name.localeCompare(b.name, 'sv')));
}

/** Every person of the registry (an administrator sees e-mail and system roles), by name. */
export function usePeople(organisationId?: string) {
  return useData(
    async () =>
      (await api.read('/people', { query: { limit: 500, ...(organisationId ? { organisationId } : {}) } })).items.sort((a, b) =>
        a.name.localeCompare(b.name, 'sv'),
      ),
    [organisationId],
  );
}

/** The confirmation left by a form of the area, shown once at the top of the page it went to. */
export function Confirmed({ children }: { children?: ComponentChildren }) {
  const [confirmation] = useState(takeConfirmation);
  return confirmation ? <ConfirmationBanner confirmation={confirmation}>{children}</ConfirmationBanner> : null;
}

/** A person by name and organisation: "Maria Nilsson, Region Kronoberg". */
export function personText(person: Person | undefined, organisations: readonly Organisation[] | null): string {
  if (!person) return w('unknownPerson');
  const org = organisations?.find((o) => o.id === person.organisationId)?.name;
  return org ? `${person.name}, ${org}` : person.name;
}

/**
 * A choice that filters a list: a select and a "Visa" button (choosing alone does not move the
 * page: WCAG 3.2.2). On submit, goes to the address `go` makes of the chosen value.
 */
export function FilterSelect({
  id,
  label: text,
  value,
  options,
  go,
}: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  go: (value: string) => string;
}) {
  const [chosen, setChosen] = useState(value);
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(go(chosen));
      }}
    >
      <div class="form-group">
        <label class="label" for={id}>
          {text}
        </label>
        <select id={id} class="input" value={chosen} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
          {options.map((o) => (
            <option value={o.value}>{o.label}</option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" class="secondary">
          {w('show')}
        </button>
      </div>
    </form>
  );
}

/** A date in words, as Swedish text has it: "3 mars 2027" (the month written out). */
export function longDate(value: string): string {
  return new Date(value).toLocaleDateString(lang() === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A moment in words: "3 mars 2027 kl. 14.05". */
export function longDateTime(value: string): string {
  const time = new Date(value).toLocaleTimeString(lang() === 'sv' ? 'sv-SE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return lang() === 'sv' ? `${longDate(value)} kl. ${time.replace(':', '.')}` : `${longDate(value)}, ${time}`;
}
