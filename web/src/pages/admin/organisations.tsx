import { useState } from 'preact/hooks';
import { api, type Me } from '../../api';
import { ErrorMessage, Loading, NotFound, useData } from '../../components/common';
import { confirmAndGo, FormPage, Radios, SummaryList, TextField, textOrNull, useForm, type Field } from '../../forms';
import { label } from '../../labels';
import { navigate, to } from '../../router';
import {
  AdminOnly,
  backToAdmin,
  boardKindOptions,
  boardKindText,
  Confirmed,
  organisationKindOptions,
  systemRolesText,
  usePeople,
  type BoardKind,
  type OrganisationKind,
} from './common';
import { ADMIN_PATHS } from './paths';
import { w } from './words';

const PAGE = 20;

/** `/admin/organisations?q=&kind=&offset=`: the registry, searched by name and kind, a page at a time. */
export function OrganisationsPage({ me, query }: { me: Me | null; query: URLSearchParams }) {
  return <AdminOnly me={me}>{() => <OrganisationList query={query} />}</AdminOnly>;
}

function OrganisationList({ query }: { query: URLSearchParams }) {
  const q = query.get('q') ?? '';
  const kind = query.get('kind') ?? '';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const [typed, setTyped] = useState({ q, kind });
  const list = useData(
    () => api.read('/organisations', { query: { limit: PAGE, offset, ...(q ? { q } : {}), ...(kind ? { kind: kind as OrganisationKind } : {}) } }),
    [q, kind, offset],
  );
  const at = (o: number) => to(ADMIN_PATHS.organisations, {}, { q: q || undefined, kind: kind || undefined, offset: o ? String(o) : undefined });
  const search = (e: Event) => {
    e.preventDefault();
    navigate(to(ADMIN_PATHS.organisations, {}, { q: typed.q.trim() || undefined, kind: typed.kind || undefined }));
  };
  const total = list.data?.total ?? 0;
  return (
    <>
      <a class="back-link" href={backToAdmin().href}>
        {backToAdmin().text}
      </a>
      <Confirmed />
      <h1 tabIndex={-1}>{w('organisations')}</h1>
      <p>{w('organisationsIntro')}</p>
      <p>
        <a href={to(ADMIN_PATHS.newOrganisation, {})}>{w('newOrganisation')}</a>
      </p>
      <form class="filters" onSubmit={search}>
        <div class="form-group">
          <label class="label" for="org-q">
            {w('search')}
          </label>
          <div class="hint" id="org-q-hint">
            {w('searchHint')}
          </div>
          <input
            id="org-q"
            class="input width-20"
            type="search"
            aria-describedby="org-q-hint"
            value={typed.q}
            onInput={(e) => setTyped({ ...typed, q: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="form-group">
          <label class="label" for="org-kind">
            {w('kind')}
          </label>
          <select id="org-kind" class="input" value={typed.kind} onChange={(e) => setTyped({ ...typed, kind: (e.target as HTMLSelectElement).value })}>
            <option value="">{w('anyKind')}</option>
            {organisationKindOptions().map((o) => (
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
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p role="status">
            {total === 0 ? w('foundNone') : total === 1 ? w('foundOne') : w('found', { n: total })}
            {total > PAGE ? ` ${w('showing', { from: offset + 1, to: Math.min(offset + PAGE, total), n: total })}` : ''}
          </p>
          <ul class="cards-list">
            {list.data.items.map((o) => (
              <li class="summary-card">
                <div class="summary-card-header">
                  <h2 class="summary-card-title">
                    <a href={to(ADMIN_PATHS.organisation, { org: o.id })}>{o.name}</a>
                  </h2>
                </div>
                <div class="summary-card-body">
                  <SummaryList
                    rows={[
                      { key: w('kind'), value: label('organisationKind', o.kind) },
                      { key: w('orgNumber'), value: o.orgNumber ?? <span class="muted">{w('notGiven')}</span> },
                      { key: w('code'), value: o.municipalityCode ?? <span class="muted">{w('notGiven')}</span> },
                    ]}
                  />
                </div>
              </li>
            ))}
          </ul>
          {total > PAGE && (
            <ul class="link-list">
              {offset > 0 && (
                <li>
                  <a href={at(Math.max(0, offset - PAGE))}>{w('previous')}</a>
                </li>
              )}
              {offset + PAGE < total && (
                <li>
                  <a href={at(offset + PAGE)}>{w('next')}</a>
                </li>
              )}
            </ul>
          )}
        </>
      )}
    </>
  );
}

/** `/admin/organisations/new`: registers an organisation. */
export function NewOrganisationPage({ me }: { me: Me | null }) {
  return <AdminOnly me={me}>{() => <NewOrganisationForm />}</AdminOnly>;
}

function NewOrganisationForm() {
  const form = useForm({
    initial: { name: '', kind: '', orgNumber: '', municipalityCode: '' },
    validate: (v) => ({ name: v.name.trim() ? undefined : () => w('writeOrgName'), kind: v.kind ? undefined : () => w('chooseKind') }),
  });
  const back = { href: to(ADMIN_PATHS.organisations, {}), text: w('organisations') };
  const submit = form.submit(async (v) => {
    const orgNumber = textOrNull(v.orgNumber);
    const municipalityCode = textOrNull(v.municipalityCode);
    const body = {
      name: v.name.trim(),
      kind: v.kind as OrganisationKind,
      ...(orgNumber ? { orgNumber } : {}),
      ...(municipalityCode ? { municipalityCode } : {}),
    };
    const { body: org } = await api.post('/organisations', { body, idempotencyKey: form.keyFor(body) });
    confirmAndGo(to(ADMIN_PATHS.organisation, { org: org.id }), {
      title: w('orgCreated', { name: org.name }),
      next: w('orgCreatedNext'),
      link: { href: to(ADMIN_PATHS.newBoard, { org: org.id }), text: w('addBoard') },
    });
  });
  return (
    <FormPage form={form} title={w('newOrganisation')} back={back} onSubmit={submit} submitText={w('newOrganisation')}>
      <TextField field={form.field('name')} label={w('name')} hint={w('orgNameHint')} width="full" />
      <Radios field={form.field('kind')} label={w('kind')} options={organisationKindOptions()} />
      <TextField field={form.field('orgNumber')} label={w('orgNumber')} hint={w('orgNumberHint')} optional width={10} inputMode="numeric" />
      <TextField field={form.field('municipalityCode')} label={w('code')} hint={w('codeHint')} optional width={4} inputMode="numeric" />
    </FormPage>
  );
}

/** `/admin/organisations/:org`: an organisation, its boards and its people. */
export function OrganisationPage({ me, organisationId }: { me: Me | null; organisationId: string }) {
  return <AdminOnly me={me}>{() => <OrganisationView organisationId={organisationId} />}</AdminOnly>;
}

function OrganisationView({ organisationId }: { organisationId: string }) {
  const org = useData(() => api.read('/organisations/{id}', { params: { id: organisationId } }), [organisationId]);
  const people = usePeople(organisationId);
  if (org.error) return <NotFound />;
  if (!org.data) return <Loading />;
  const o = org.data;
  return (
    <>
      <a class="back-link" href={to(ADMIN_PATHS.organisations, {})}>
        {w('organisations')}
      </a>
      <Confirmed />
      <h1 tabIndex={-1}>{o.name}</h1>
      <SummaryList
        rows={[
          { key: w('kind'), value: label('organisationKind', o.kind) },
          { key: w('orgNumber'), value: o.orgNumber ?? <span class="muted">{w('notGiven')}</span> },
          { key: w('code'), value: o.municipalityCode ?? <span class="muted">{w('notGiven')}</span> },
        ]}
      />
      <h2>{w('boards')}</h2>
      {o.boards?.length ? <SummaryList rows={o.boards.map((b) => ({ key: b.name, value: boardKindText(b.kind) }))} /> : <p class="muted">{w('noBoards')}</p>}
      <p>
        <a href={to(ADMIN_PATHS.newBoard, { org: o.id })}>{w('addBoard')}</a>
      </p>
      <h2>{w('organisationPeople')}</h2>
      {people.data?.length ? (
        <SummaryList
          rows={people.data.map((p) => ({
            key: p.name,
            value: `${p.active ? w('active') : w('inactive')}. ${systemRolesText(p.systemRoles)}`,
            ...(p.active ? { change: { href: to(ADMIN_PATHS.changePerson, { person: p.id }), what: w('personHidden', { name: p.name }) } } : {}),
          }))}
        />
      ) : (
        people.data && <p class="muted">{w('noPeople')}</p>
      )}
      <p>
        <a href={to(ADMIN_PATHS.newPerson, {}, { org: o.id })}>{w('registerPersonHere', { org: o.name })}</a>
      </p>
    </>
  );
}

/** `/admin/organisations/:org/boards/new`: adds a board (nämnd, styrelse, fullmäktige) to an organisation. */
export function NewBoardPage({ me, organisationId }: { me: Me | null; organisationId: string }) {
  return <AdminOnly me={me}>{() => <NewBoard organisationId={organisationId} />}</AdminOnly>;
}

function NewBoard({ organisationId }: { organisationId: string }) {
  const org = useData(() => api.read('/organisations/{id}', { params: { id: organisationId } }), [organisationId]);
  const form = useForm({
    initial: { name: '', kind: '' },
    validate: (v) => ({ name: v.name.trim() ? undefined : () => w('writeBoardName'), kind: v.kind ? undefined : () => w('chooseBoardKind') }),
  });
  if (org.error) return <NotFound />;
  if (!org.data) return <Loading />;
  const name = org.data.name;
  const back = { href: to(ADMIN_PATHS.organisation, { org: organisationId }), text: name };
  const submit = form.submit(async (v) => {
    const body = { name: v.name.trim(), kind: v.kind as BoardKind };
    const { body: board } = await api.post('/organisations/{id}/boards', { params: { id: organisationId }, body, idempotencyKey: form.keyFor(body) });
    confirmAndGo(to(ADMIN_PATHS.organisation, { org: organisationId }), { title: w('boardCreated', { name: board.name, org: name }) });
  });
  return (
    <FormPage form={form} title={w('addBoard')} caption={name} back={back} onSubmit={submit} submitText={w('addBoard')}>
      <TextField field={form.field('name')} label={w('boardName')} hint={w('boardNameHint')} width="full" />
      <Radios field={form.field('kind') as Field<string>} label={w('boardKind')} options={boardKindOptions()} />
    </FormPage>
  );
}
