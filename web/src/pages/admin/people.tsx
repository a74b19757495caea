import type { ComponentChild } from 'preact';
import { api, type Me } from '../../api';
import { ErrorMessage, Loading, NotFound } from '../../components/common';
import { Checkboxes, confirmAndGo, FormPage, SelectField, SummaryList, TextField, textOrNull, useForm, WarningText } from '../../forms';
import { to } from '../../router';
import {
  AdminOnly,
  backToAdmin,
  Confirmed,
  FilterSelect,
  personText,
  systemRoleOptions,
  systemRolesText,
  useOrganisations,
  usePeople,
  type Organisation,
  type Person,
  type SystemRole,
} from './common';
import { ADMIN_PATHS } from './paths';
import { w } from './words';

/** `/admin/people?org=`: the people of the registry, of one organisation or all. */
export function PeoplePage({ me, query }: { me: Me | null; query: URLSearchParams }) {
  return <AdminOnly me={me}>{() => <PeopleList organisationId={query.get('org') ?? ''} self={me?.person.id ?? ''} />}</AdminOnly>;
}

function PeopleList({ organisationId, self }: { organisationId: string; self: string }) {
  const orgs = useOrganisations();
  const people = usePeople(organisationId || undefined);
  return (
    <>
      <a class="back-link" href={backToAdmin().href}>
        {backToAdmin().text}
      </a>
      <Confirmed />
      <h1 tabIndex={-1}>{w('people')}</h1>
      <p>{w('peopleIntro')}</p>
      <p>
        <a href={to(ADMIN_PATHS.newPerson, {}, { org: organisationId || undefined })}>{w('newPerson')}</a>
      </p>
      <FilterSelect
        id="people-org"
        label={w('organisation')}
        value={organisationId}
        options={[{ value: '', label: w('allOrganisations') }, ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))]}
        go={(org) => to(ADMIN_PATHS.people, {}, { org: org || undefined })}
      />
      {people.error ? <ErrorMessage error={people.error} /> : null}
      {!people.data && !people.error && <Loading />}
      {people.data?.length === 0 && <p class="muted">{w('noPeople')}</p>}
      <ul class="cards-list">
        {people.data?.map((p) => (
          <li class="summary-card">
            <div class="summary-card-header">
              <h2 class="summary-card-title">{p.name}</h2>
              {p.active && (
                <ul class="summary-card-actions">
                  <li>
                    <a href={to(ADMIN_PATHS.changePerson, { person: p.id })}>
                      {w('change')}
                      <span class="visually-hidden"> {p.name}</span>
                    </a>
                  </li>
                  {p.id !== self && (
                    <li>
                      <a href={to(ADMIN_PATHS.deactivatePerson, { person: p.id })}>
                        {w('deactivate')}
                        <span class="visually-hidden"> {p.name}</span>
                      </a>
                    </li>
                  )}
                </ul>
              )}
            </div>
            <div class="summary-card-body">
              <SummaryList rows={personRows(p, orgs.data)} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What an administrator reads of a person. */
function personRows(p: Person, orgs: readonly Organisation[] | null) {
  return [
    { key: w('organisation'), value: orgs?.find((o) => o.id === p.organisationId)?.name ?? '–' },
    { key: w('email'), value: p.email ?? <span class="muted">{w('notGiven')}</span> },
    { key: w('subject'), value: p.subject ?? '–' },
    { key: w('systemRoles'), value: systemRolesText(p.systemRoles) },
    { key: w('status'), value: p.active ? w('active') : w('inactive') },
  ];
}

/** `/admin/people/new?org=`: registers a person of an organisation. */
export function NewPersonPage({ me, query }: { me: Me | null; query: URLSearchParams }) {
  return <AdminOnly me={me}>{() => <NewPerson organisationId={query.get('org') ?? ''} />}</AdminOnly>;
}

function NewPerson({ organisationId }: { organisationId: string }) {
  const orgs = useOrganisations();
  const form = useForm({
    initial: { name: '', email: '', subject: '', organisationId, systemRoles: [] as string[] },
    validate: (v) => ({
      name: v.name.trim() ? undefined : () => w('writePersonName'),
      subject: v.subject.trim() ? undefined : () => w('writeSubject'),
      organisationId: v.organisationId ? undefined : () => w('chooseOrganisation'),
    }),
  });
  const back = { href: to(ADMIN_PATHS.people, {}), text: w('people') };
  const submit = form.submit(async (v) => {
    const email = textOrNull(v.email);
    const body = {
      name: v.name.trim(),
      subject: v.subject.trim(),
      organisationId: v.organisationId,
      systemRoles: v.systemRoles as SystemRole[],
      ...(email ? { email } : {}),
    };
    const { body: person } = await api.post('/people', { body, idempotencyKey: form.keyFor(body) });
    const org = orgs.data?.find((o) => o.id === person.organisationId)?.name ?? '';
    confirmAndGo(to(ADMIN_PATHS.people, {}, { org: person.organisationId }), {
      title: w('personCreated', { name: person.name, org }),
      next: w('personCreatedNext'),
      link: { href: to(ADMIN_PATHS.newToken, {}, { person: person.id }), text: w('createTokenFor', { name: person.name }) },
    });
  });
  return (
    <FormPage form={form} title={w('newPerson')} back={back} onSubmit={submit} submitText={w('register')}>
      <TextField field={form.field('name')} label={w('personName')} hint={w('personNameHint')} width={20} autocomplete="off" />
      <SelectField
        field={form.field('organisationId')}
        label={w('organisation')}
        options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        placeholder={w('chooseOrganisation')}
      />
      <TextField field={form.field('email')} label={w('email')} hint={w('emailHint')} optional width={20} autocomplete="off" />
      <TextField field={form.field('subject')} label={w('subject')} hint={w('subjectHint')} width={20} autocomplete="off" />
      <Checkboxes field={form.field('systemRoles')} label={w('systemRoles')} hint={w('systemRolesHint')} options={systemRoleOptions()} />
    </FormPage>
  );
}

/** `/admin/people/:person/change`: name, e-mail and system roles. */
export function ChangePersonPage({ me, personId }: { me: Me | null; personId: string }) {
  return <AdminOnly me={me}>{() => <WithPerson personId={personId}>{(p, orgs) => <ChangePerson person={p} orgs={orgs} />}</WithPerson>}</AdminOnly>;
}

/** Reads the registry's people and organisations, and draws the page for one person once they are there. */
function WithPerson({ personId, children }: { personId: string; children: (p: Person, orgs: Organisation[]) => ComponentChild }) {
  const people = usePeople();
  const orgs = useOrganisations();
  if (people.error) return <ErrorMessage error={people.error} />;
  if (!people.data || !orgs.data) return <Loading />;
  const person = people.data.find((p) => p.id === personId);
  if (!person) return <NotFound text={w('noSuchPerson')} />;
  return <>{children(person, orgs.data)}</>;
}

function ChangePerson({ person, orgs }: { person: Person; orgs: Organisation[] }) {
  const form = useForm({
    initial: { name: person.name, email: person.email ?? '', systemRoles: [...(person.systemRoles ?? [])] },
    validate: (v) => ({ name: v.name.trim() ? undefined : () => w('writePersonName') }),
  });
  const back = { href: to(ADMIN_PATHS.people, {}, { org: person.organisationId }), text: w('people') };
  const submit = form.submit(async (v) => {
    const body = {
      ...(form.changed('name') ? { name: v.name.trim() } : {}),
      ...(form.changed('email') ? { email: textOrNull(v.email) } : {}),
      ...(form.changed('systemRoles') ? { systemRoles: v.systemRoles as SystemRole[] } : {}),
    };
    const { body: saved } = await api.patch('/people/{id}', { params: { id: person.id }, body, idempotencyKey: form.keyFor(body) });
    confirmAndGo(back.href, { title: w('personChanged', { name: saved.name }) });
  });
  return (
    <FormPage
      form={form}
      title={w('changePerson', { name: person.name })}
      caption={personText(person, orgs)}
      back={back}
      onSubmit={submit}
      submitText={w('save')}
    >
      <TextField field={form.field('name')} label={w('personName')} hint={w('personNameHint')} width={20} autocomplete="off" />
      <TextField field={form.field('email')} label={w('email')} hint={w('emailHint')} optional width={20} autocomplete="off" />
      <Checkboxes field={form.field('systemRoles')} label={w('systemRoles')} hint={w('systemRolesHint')} options={systemRoleOptions()} />
    </FormPage>
  );
}

/** `/admin/people/:person/deactivate`: the check before someone is deactivated, with the handover of their roles explained. */
export function DeactivatePersonPage({ me, personId }: { me: Me | null; personId: string }) {
  return <AdminOnly me={me}>{() => <WithPerson personId={personId}>{(p, orgs) => <DeactivatePerson person={p} orgs={orgs} />}</WithPerson>}</AdminOnly>;
}

function DeactivatePerson({ person, orgs }: { person: Person; orgs: Organisation[] }) {
  const form = useForm<object>({ initial: {} });
  const back = { href: to(ADMIN_PATHS.people, {}, { org: person.organisationId }), text: w('people') };
  const change = { href: to(ADMIN_PATHS.changePerson, { person: person.id }), what: person.name };
  const submit = form.submit(async () => {
    const { body } = await api.post('/people/{id}/deactivate', { params: { id: person.id }, idempotencyKey: form.keyFor({ deactivate: person.id }) });
    const n = body.casesChanged.length;
    confirmAndGo(back.href, { title: w('deactivated', { name: person.name }), next: n ? w('deactivatedCases', { n }) : w('deactivatedNoCases') });
  });
  if (!person.active) return <NotFound text={w('alreadyInactive', { name: person.name })} />;
  return (
    <FormPage
      form={form}
      title={w('deactivateTitle', { name: person.name })}
      caption={personText(person, orgs)}
      back={back}
      onSubmit={submit}
      submitText={w('deactivateButton')}
      danger
      errorTitle={w('cannotDeactivate', { name: person.name })}
      noRetryWhenRefused
      intro={<p>{w('deactivateIntro')}</p>}
    >
      <SummaryList
        rows={[
          { key: w('personName'), value: person.name, change },
          { key: w('organisation'), value: orgs.find((o) => o.id === person.organisationId)?.name ?? '–' },
          { key: w('email'), value: person.email ?? w('notGiven'), change },
          { key: w('systemRoles'), value: systemRolesText(person.systemRoles), change },
        ]}
      />
      <h2>{w('whatHappens')}</h2>
      <ul>
        <li>{w('handover1')}</li>
        <li>{w('handover2')}</li>
        <li>{w('handover3')}</li>
        <li>{w('handover4')}</li>
      </ul>
      <WarningText>{w('deactivateWarning')}</WarningText>
    </FormPage>
  );
}
