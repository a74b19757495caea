import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Me, type Schema } from '../../api';
import { label } from '../../labels';
import { to } from '../../router';
import { NotFound } from '../../components/common';
import {
  Checkboxes,
  conflictDifferences,
  confirmAndGo,
  FormPage,
  Radios,
  SummaryList,
  TextArea,
  textOrNull,
  useForm,
  WarningText,
  type Field,
} from '../../forms';
import {
  capitalise,
  holderText,
  responsibilitiesText,
  responsibilityOptions,
  usePartiesData,
  type Party,
  type Responsibility,
  type Reload,
  instead,
  backToParties,
} from './common';
import { PARTY_PATHS, partiesOf } from './paths';
import { w } from './words';

type Organisation = Schema<'OrganisationViewDto'>;

/** The terms of a party as the form holds them. */
interface Terms {
  responsibilities: string[];
  mustSign: '' | 'yes' | 'no';
  benefit: string;
}

const termsOf = (p: Party): Terms => ({ responsibilities: [...p.responsibilities], mustSign: p.mustSign ? 'yes' : 'no', benefit: p.benefit ?? '' });

const checkTerms = (v: Terms) => ({
  responsibilities: v.responsibilities.length ? undefined : () => w('chooseResponsibility'),
  mustSign: v.mustSign ? undefined : () => w('chooseMustSign'),
});

/** The three questions about how a party takes part, shared by adding and changing. */
function TermsFields({ field }: { field: <K extends keyof Terms>(name: K) => Field<Terms[K]> }) {
  const yesNo = [
    { value: 'yes', label: w('yes') },
    { value: 'no', label: w('no') },
  ];
  return (
    <>
      <Checkboxes field={field('responsibilities')} label={w('howTakesPart')} hint={w('howTakesPartHint')} options={responsibilityOptions()} />
      <Radios field={field('mustSign') as Field<string>} label={w('mustSignQuestion')} hint={w('mustSignHint')} options={yesNo} inline />
      <TextArea field={field('benefit')} label={w('benefitLabel')} hint={w('benefitHint')} noun={w('benefitNoun')} optional rows={4} />
    </>
  );
}

/** `/cases/:id/parties/new`: an organisation from the registry becomes a party. */
export function AddPartyPage({ caseId, me }: { caseId: string; me: Me | null }) {
  const state = usePartiesData(caseId, me);
  const stop = instead(state, caseId);
  if (stop || !state.loaded) return stop;
  const back = backToParties(caseId);
  return (
    <AddPartyForm
      caseId={caseId}
      caseTitle={state.loaded.case.title}
      etag={state.loaded.etag}
      since={state.loaded.version}
      parties={state.loaded.data.parties}
      reload={state.reload}
      back={back}
    />
  );
}

function AddPartyForm({
  caseId,
  caseTitle,
  etag,
  since,
  parties,
  reload,
  back,
}: {
  caseId: string;
  caseTitle: string;
  etag: string | null;
  since: number | null;
  parties: Party[];
  reload: Reload;
  back: { href: string; text: string };
}) {
  const form = useForm<Terms & { organisationId: string }>({
    initial: { organisationId: '', responsibilities: [], mustSign: '', benefit: '' },
    validate: (v) => ({ organisationId: v.organisationId ? undefined : () => w('chooseOrganisation'), ...checkTerms(v) }),
  });
  const names = useRef(new Map<string, string>());
  const submit = form.submit(async (v) => {
    const body = {
      organisationId: v.organisationId,
      responsibilities: v.responsibilities as Responsibility[],
      mustSign: v.mustSign === 'yes',
      benefit: textOrNull(v.benefit),
    };
    const { body: party } = await api.post('/cases/{id}/parties', { params: { id: caseId }, body, ifMatch: etag, idempotencyKey: form.keyFor(body) });
    const org = party.organisation.name ?? names.current.get(v.organisationId) ?? '';
    confirmAndGo(partiesOf(caseId), {
      area: 'parties',
      title: w('added', { org }),
      next: w('addedNext'),
      link: { href: to(PARTY_PATHS.assignRole, { id: caseId }, { org: v.organisationId }), text: w('giveRole', { org }) },
    });
  }, since);
  return (
    <FormPage
      form={form}
      title={w('addTitle')}
      caption={caseTitle}
      back={back}
      onSubmit={submit}
      submitText={w('addButton')}
      conflict={{ caseId, onReload: reload }}
      intro={<p>{w('addIntro')}</p>}
    >
      <OrganisationPicker field={form.field('organisationId')} exclude={new Set(parties.map((p) => p.organisation.id))} names={names.current} />
      <TermsFields field={form.field} />
    </FormPage>
  );
}

const SHOWN = 10;

/**
 * An organisation from the registry: a search field (by name, as one types) and the matches as
 * radios. Organisations that are parties already are left out; the chosen one stays in the list
 * whatever is searched next.
 */
function OrganisationPicker({ field, exclude, names }: { field: Field<string>; exclude: Set<string>; names: Map<string, string> }) {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ items: Organisation[]; total: number } | null>(null);
  const chosen = useRef<Organisation | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.read('/organisations', { query: { q: q.trim() || undefined, limit: 100 } }).then(
        (page) => {
          if (!live) return;
          const items = page.items.filter((o) => !exclude.has(o.id));
          for (const o of items) names.set(o.id, o.name);
          setResult({ items, total: page.total - (page.items.length - items.length) });
        },
        () => live && setResult({ items: [], total: 0 }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  const items = result?.items.slice(0, SHOWN) ?? [];
  const picked = result?.items.find((o) => o.id === field.value) ?? chosen.current;
  if (picked?.id === field.value) chosen.current = picked;
  const shown = picked && !items.some((o) => o.id === picked.id) ? [picked, ...items] : items;
  const status = !result ? '' : result.total === 0 ? w('foundNone') : result.total === 1 ? w('foundOne') : w('found', { n: result.total });
  return (
    <div class="picker">
      <div class="form-group">
        <label for="org-search" class="label">
          {w('search')}
        </label>
        <div id="org-search-hint" class="hint">
          {w('searchHint')}
        </div>
        <input
          id="org-search"
          type="search"
          class="input width-20"
          autocomplete="off"
          aria-describedby="org-search-hint org-search-status"
          value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            // Enter searches (it already has): it does not send the form half filled in.
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
        <p id="org-search-status" class="hint" role="status">
          {status}
          {result && result.total > SHOWN ? ` ${w('foundMore', { shown: SHOWN, n: result.total })}` : ''}
        </p>
      </div>
      <Radios
        field={field}
        label={w('organisation')}
        hint={w('notInRegistry')}
        options={shown.map((o) => ({ value: o.id, label: o.name, hint: label('organisationKind', o.kind) }))}
      />
    </div>
  );
}

/** `/cases/:id/parties/:org/change`: responsibilities, signing, what the party gets. */
export function ChangePartyPage({ caseId, organisationId, me }: { caseId: string; organisationId: string; me: Me | null }) {
  const state = usePartiesData(caseId, me);
  const stop = instead(state, caseId);
  if (stop || !state.loaded) return stop;
  const back = backToParties(caseId);
  const party = state.loaded.data.parties.find((p) => p.organisation.id === organisationId);
  if (!party) return <NotFound text={w('notAParty')} />;
  return (
    <ChangePartyForm
      caseId={caseId}
      caseTitle={state.loaded.case.title}
      etag={state.loaded.etag}
      since={state.loaded.version}
      party={party}
      reload={state.reload}
      back={back}
    />
  );
}

function ChangePartyForm({
  caseId,
  caseTitle,
  etag,
  since,
  party,
  reload,
  back,
}: {
  caseId: string;
  caseTitle: string;
  etag: string | null;
  since: number | null;
  party: Party;
  reload: Reload;
  back: { href: string; text: string };
}) {
  const form = useForm<Terms>({ initial: termsOf(party), validate: checkTerms });
  const org = party.organisation.name ?? '';
  const submit = form.submit(async (v) => {
    // Only what the person changed: saving after a conflict does not undo what someone else changed meanwhile.
    const all = { responsibilities: v.responsibilities as Responsibility[], mustSign: v.mustSign === 'yes', benefit: textOrNull(v.benefit) };
    const body = {
      ...(form.changed('responsibilities') ? { responsibilities: all.responsibilities } : {}),
      ...(form.changed('mustSign') ? { mustSign: all.mustSign } : {}),
      ...(form.changed('benefit') ? { benefit: all.benefit } : {}),
    };
    await api.patch('/cases/{id}/parties/{organisationId}', {
      params: { id: caseId, organisationId: party.organisation.id },
      body,
      ifMatch: etag,
      idempotencyKey: form.keyFor(body),
    });
    confirmAndGo(partiesOf(caseId), { area: 'parties', title: w('changed', { org }), next: w('changedNext') });
  }, since);
  // After a conflict: the party as saved now; what the person did not touch is taken in.
  const onReload = async () => {
    const fresh = (await reload())?.data.parties.find((p) => p.organisation.id === party.organisation.id);
    if (fresh) form.rebase(termsOf(fresh));
  };
  const yesNo = (value: string) => (value === 'yes' ? w('yes') : value === 'no' ? w('no') : '–');
  const differences = conflictDifferences(form, termsOf(party), [
    { name: 'responsibilities', label: w('responsibilities'), show: (value) => responsibilitiesText(value) },
    { name: 'mustSign', label: w('mustSign'), show: (value) => yesNo(value) },
    { name: 'benefit', label: w('benefit'), show: (value) => value.trim() || '–' },
  ]);
  return (
    <FormPage
      form={form}
      title={w('changeTitle', { org })}
      caption={caseTitle}
      back={back}
      onSubmit={submit}
      submitText={w('saveButton')}
      conflict={{ caseId, onReload, differences }}
    >
      <TermsFields field={form.field} />
    </FormPage>
  );
}

/**
 * `/cases/:id/parties/:org/remove`: the check before removing a party, which cannot be undone:
 * what goes with it (its roles), where it still takes part (the chair rotation), with "Ändra" links;
 * the service's refusal, when it refuses, in its words at the top.
 */
export function RemovePartyPage({ caseId, organisationId, me }: { caseId: string; organisationId: string; me: Me | null }) {
  const state = usePartiesData(caseId, me);
  const form = useForm<object>({ initial: {} });
  const stop = instead(state, caseId);
  if (stop || !state.loaded) return stop;
  const back = backToParties(caseId);
  const { parties, roles, chair } = state.loaded.data;
  const party = parties.find((p) => p.organisation.id === organisationId);
  if (!party) return <NotFound text={w('notAParty')} />;
  const org = party.organisation.name ?? '';
  const own = roles.filter((r) => r.organisation.id === organisationId);
  const inRotation = chair.rotation?.entries.some((e) => e.organisation.id === organisationId) ?? false;
  const submit = form.submit(async () => {
    await api.delete('/cases/{id}/parties/{organisationId}', {
      params: { id: caseId, organisationId },
      ifMatch: state.loaded!.etag,
      idempotencyKey: form.keyFor({ remove: organisationId }),
    });
    confirmAndGo(partiesOf(caseId), {
      area: 'parties',
      title: w('removed', { org }),
      ...(own.length ? { next: w('removedRoles', { roles: own.map((r) => r.title).join(', ') }) } : {}),
    });
  }, state.loaded.version);
  const rows = [
    { key: w('partyLabel'), value: org },
    {
      key: w('responsibilities'),
      value: capitalise(responsibilitiesText(party.responsibilities)),
      change: { href: to(PARTY_PATHS.change, { id: caseId, org: organisationId }), what: w('changePartyHidden', { org }) },
    },
    ...own.map((r) => ({
      key: w('roleRow', { role: r.title }),
      value: holderText(r),
      change: { href: to(PARTY_PATHS.changeRole, { id: caseId, roleId: r.id }), what: w('roleHidden', { role: r.title, org }) },
    })),
    ...(inRotation
      ? [{ key: w('inRotation'), value: w('inRotationValue'), change: { href: to(PARTY_PATHS.rotation, { id: caseId }), what: w('rotationHidden') } }]
      : []),
  ];
  return (
    <FormPage
      form={form}
      title={w('removeTitle', { org })}
      caption={state.loaded.case.title}
      back={back}
      onSubmit={submit}
      submitText={w('removeButton')}
      danger
      errorTitle={w('cannotRemove', { org })}
      noRetryWhenRefused
      conflict={{ caseId, onReload: state.reload }}
      intro={<p>{w('removeIntro')}</p>}
    >
      <SummaryList rows={rows} />
      <WarningText>{w('removeWarning')}</WarningText>
    </FormPage>
  );
}
