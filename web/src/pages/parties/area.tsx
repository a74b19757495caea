import type { CaseAccess } from '../../access';
import { Area } from '../../components/area-nav';
import { Badge } from '../../components/common';
import { SummaryList, type Confirmation, type SummaryRow } from '../../forms';
import { date } from '../../i18n';
import { to } from '../../router';
import { capitalise, responsibilitiesText, whoMay, type PartiesData, type Role } from './common';
import { PARTY_PATHS } from './paths';
import { w } from './words';

/**
 * The parties area of the case page: each party as a card (how it takes part, what it gets, its
 * roles with holder and deputy, vacant ones flagged), the rotating chair; and, for those who run
 * the case, the links to every form of the area.
 */
export function PartiesArea({
  caseId,
  data,
  access,
  confirmation,
}: {
  caseId: string;
  data: PartiesData;
  access: CaseAccess;
  confirmation: Confirmation | null;
}) {
  const { parties, roles, chair } = data;
  const runs = access.runsCase;
  const id = { id: caseId };
  return (
    <Area
      id="parties"
      title={w('area')}
      confirmation={confirmation}
      actions={
        runs ? (
          <>
            <a class="button secondary" href={to(PARTY_PATHS.add, id)}>
              {w('addParty')}
            </a>
            {parties.length > 0 && (
              <a class="button secondary" href={to(PARTY_PATHS.assignRole, id)}>
                {w('assignRole')}
              </a>
            )}
          </>
        ) : (
          <p class="muted">{whoMay(parties)}</p>
        )
      }
    >
      {parties.length === 0 && <p>{w('noParties')}</p>}
      <ul class="cards-list">
        {parties.map((p) => {
          const org = p.organisation.name ?? '–';
          const own = roles.filter((r) => r.organisation.id === p.organisation.id);
          const rows: SummaryRow[] = [
            { key: w('responsibilities'), value: capitalise(responsibilitiesText(p.responsibilities)) },
            { key: w('mustSign'), value: p.mustSign ? w('yes') : w('no') },
            { key: w('benefit'), value: p.benefit ?? <span class="muted">{w('notDescribed')}</span> },
          ];
          return (
            <li class="summary-card">
              <div class="summary-card-header">
                <h3 class="summary-card-title">{org}</h3>
                {runs && (
                  <ul class="summary-card-actions">
                    <li>
                      <a href={to(PARTY_PATHS.change, { id: caseId, org: p.organisation.id })}>
                        {w('changeParty')}
                        <span class="visually-hidden"> {w('changePartyHidden', { org })}</span>
                      </a>
                    </li>
                    <li>
                      <a href={to(PARTY_PATHS.remove, { id: caseId, org: p.organisation.id })}>
                        {w('removeParty')}
                        <span class="visually-hidden"> {w('removePartyHidden', { org })}</span>
                      </a>
                    </li>
                  </ul>
                )}
              </div>
              <div class="summary-card-body">
                <SummaryList rows={rows} />
                <h4 class="roles-title">{w('roles')}</h4>
                {own.length === 0 ? (
                  <p class="muted">{w('noRoles')}</p>
                ) : (
                  <SummaryList class="roles" rows={own.map((r) => roleRow(caseId, r, org, runs, !!chair.rotation))} />
                )}
                {runs && (
                  <p>
                    <a href={to(PARTY_PATHS.assignRole, id, { org: p.organisation.id })}>{w('giveRole', { org })}</a>
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      <h3>{w('chair')}</h3>
      {chair.rotation ? (
        <>
          <p>
            {w('chairNow', { org: chair.rotation.current.name ?? '–' })}.{' '}
            {w('chairNext', { date: date(chair.rotation.nextRotationOn), n: chair.rotation.periodMonths })}
          </p>
          <p class="list-title">{w('chairOrder')}:</p>
          <ol>
            {chair.rotation.entries.map((e) => {
              const now = e.organisation.id === chair.rotation!.current.id;
              return (
                <li aria-current={now ? 'true' : undefined}>
                  {now ? <strong>{e.organisation.name}</strong> : e.organisation.name}
                  {e.person?.name ? w('chairPerson', { person: e.person.name }) : ''}
                  {now ? ` – ${w('chairing')}` : ''}
                </li>
              );
            })}
          </ol>
          {runs && (
            <ul class="link-list">
              <li>
                <a href={to(PARTY_PATHS.rotation, id)}>{w('changeRotation')}</a>
              </li>
              <li>
                <a href={to(PARTY_PATHS.rotate, id)}>{w('rotateNow')}</a>
              </li>
            </ul>
          )}
        </>
      ) : (
        <>
          <p class="muted">{w('noChair')}</p>
          {runs && parties.length >= 2 && (
            <p>
              <a href={to(PARTY_PATHS.rotation, id)}>{w('setRotation')}</a>
            </p>
          )}
        </>
      )}
    </Area>
  );
}

/**
 * A role as a row of its party's card: who holds it, the deputy, vacant in words and symbol. The
 * chair of a rotation is the rotation's: it is changed there, not as a role.
 */
function roleRow(caseId: string, r: Role, org: string, runs: boolean, rotating: boolean): SummaryRow {
  const what = w('roleHidden', { role: r.title, org });
  const byRotation = rotating && r.role === 'chair';
  return {
    key: (
      <>
        {r.title}
        {r.required && <span class="muted"> ({w('required')})</span>}
      </>
    ),
    value: r.vacant ? (
      <>
        <Badge kind="bad">{r.vacantSince ? w('vacantSince', { date: date(r.vacantSince) }) : w('vacant')}</Badge>
        {r.deputy && <span class="block">{w('deputyOf', { name: r.deputy.name ?? '–' })}</span>}
      </>
    ) : (
      <>
        {r.holder?.name}
        <span class="block muted">{byRotation ? w('byRotation') : r.deputy ? w('deputyOf', { name: r.deputy.name ?? '–' }) : w('noDeputy')}</span>
      </>
    ),
    ...(runs
      ? {
          actions: byRotation
            ? [{ href: to(PARTY_PATHS.rotation, { id: caseId }), what: w('rotationHidden') }]
            : [
                { href: to(PARTY_PATHS.changeRole, { id: caseId, roleId: r.id }), text: w('changeRole'), what },
                { href: to(PARTY_PATHS.removeRole, { id: caseId, roleId: r.id }), text: w('removeRole'), what },
              ],
        }
      : {}),
  };
}
