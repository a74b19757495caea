import { api, type Me } from '../../api';
import { lang } from '../../i18n';
import { NotFound } from '../../components/common';
import { Checkboxes, conflictDifferences, confirmAndGo, FormPage, Radios, SelectField, SummaryList, useForm, type Field } from '../../forms';
import { roleOptions, usePartiesData, usePeople, type CaseRole, type Party, type Role, type Reload, instead, backToParties } from './common';
import { partiesOf } from './paths';
import { w } from './words';

/** Holder, deputy and whether the role is required, as the form holds them. */
interface Holding {
  holderId: string;
  deputyId: string;
  required: string[];
}

const checkHolding = (v: Holding) => ({ deputyId: v.deputyId && v.deputyId === v.holderId ? () => w('sameAsHolder') : undefined });

/** Who holds the role and who is deputy, from the people of the party; and whether it is required. */
function HoldingFields({
  organisation,
  holder,
  deputy,
  required,
}: {
  organisation: { id: string; name: string | null } | null;
  holder: Field<string>;
  deputy: Field<string>;
  required: Field<string[]>;
}) {
  const people = usePeople(organisation?.id ?? null);
  const options = (people.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  // Someone chosen before (a reload) who is no longer in the list still shows by name.
  return (
    <>
      <SelectField
        field={holder}
        label={w('holder')}
        hint={
          <>
            {organisation ? w('holderHint', { org: organisation.name ?? '' }) : w('holderHintNoParty')} {w('notInList')}
          </>
        }
        placeholder={organisation ? w('nobodyYet') : w('choosePartyFirst')}
        options={options}
      />
      <SelectField
        field={deputy}
        label={w('deputy')}
        hint={w('deputyHint')}
        optional
        placeholder={organisation ? w('noDeputyOption') : w('choosePartyFirst')}
        options={options}
      />
      <Checkboxes field={required} label={w('requiredLabel')} hint={w('requiredHint')} options={[{ value: 'required', label: w('requiredYes') }]} />
    </>
  );
}

const idOrNull = (value: string) => value || null;

/** `/cases/:id/roles/new?org=…&role=…`: a role for a party, with holder and deputy. */
export function AssignRolePage({ caseId, me, query }: { caseId: string; me: Me | null; query: URLSearchParams }) {
  const state = usePartiesData(caseId, me);
  const stop = instead(state, caseId);
  if (stop || !state.loaded) return stop;
  const back = backToParties(caseId);
  const { parties } = state.loaded.data;
  const org = query.get('org') ?? '';
  const role = query.get('role') ?? '';
  return (
    <AssignRoleForm
      caseId={caseId}
      caseTitle={state.loaded.case.title}
      etag={state.loaded.etag}
      since={state.loaded.version}
      parties={parties}
      rotating={!!state.loaded.data.chair.rotation}
      initialParty={parties.some((p) => p.organisation.id === org) ? org : parties.length === 1 ? parties[0]!.organisation.id : ''}
      initialRole={roleOptions('sv').some((o) => o.value === role) ? role : ''}
      reload={state.reload}
      back={back}
    />
  );
}

function AssignRoleForm(props: {
  caseId: string;
  caseTitle: string;
  etag: string | null;
  since: number | null;
  parties: Party[];
  rotating: boolean;
  initialParty: string;
  initialRole: string;
  reload: Reload;
  back: { href: string; text: string };
}) {
  const { caseId, parties } = props;
  const form = useForm<Holding & { role: string; organisationId: string }>({
    initial: { role: props.initialRole, organisationId: props.initialParty, holderId: '', deputyId: '', required: [] },
    validate: (v) => ({
      role: v.role ? undefined : () => w('chooseRole'),
      organisationId: v.organisationId ? undefined : () => w('chooseParty'),
      ...checkHolding(v),
    }),
  });
  const party = parties.find((p) => p.organisation.id === form.values.organisationId)?.organisation ?? null;
  const submit = form.submit(async (v) => {
    const body = {
      role: v.role as CaseRole,
      organisationId: v.organisationId,
      holderId: idOrNull(v.holderId),
      deputyId: idOrNull(v.deputyId),
      required: v.required.includes('required'),
    };
    const { body: role } = await api.post('/cases/{id}/roles', { params: { id: caseId }, body, ifMatch: props.etag, idempotencyKey: form.keyFor(body) });
    const names = { role: role.title, org: role.organisation.name ?? '' };
    confirmAndGo(partiesOf(caseId), {
      area: 'parties',
      title: role.holder ? w('assigned', { ...names, person: role.holder.name ?? '' }) : w('assignedVacant', names),
      ...(role.holder ? { next: w('assignedNext') } : {}),
    });
  }, props.since);
  // Another party: the people of the one chosen before are not this one's.
  const organisation: Field<string> = { ...form.field('organisationId'), set: (value) => form.setAll({ organisationId: value, holderId: '', deputyId: '' }) };
  return (
    <FormPage
      form={form}
      title={w('assignTitle')}
      caption={props.caseTitle}
      back={props.back}
      onSubmit={submit}
      submitText={w('assignButton')}
      conflict={{ caseId, onReload: props.reload }}
      intro={<p>{w('assignIntro')}</p>}
    >
      <Radios field={form.field('role')} label={w('whichRole')} options={roleOptions(lang(), props.rotating)} />
      <SelectField
        field={organisation}
        label={w('forWhichParty')}
        hint={w('forWhichPartyHint')}
        placeholder=""
        options={parties.map((p) => ({ value: p.organisation.id, label: p.organisation.name ?? '–' }))}
      />
      <HoldingFields organisation={party} holder={form.field('holderId')} deputy={form.field('deputyId')} required={form.field('required')} />
    </FormPage>
  );
}

/** The role of the address, its party, and the page's frame, or what to show instead. */
function useRole(caseId: string, roleId: string, me: Me | null) {
  const state = usePartiesData(caseId, me);
  const back = backToParties(caseId);
  const stop = instead(state, caseId);
  if (stop || !state.loaded) return { view: stop };
  const role = state.loaded.data.roles.find((r) => r.id === roleId);
  if (!role) return { view: <NotFound text={w('noSuchRole')} /> };
  return { view: null, role, loaded: state.loaded, reload: state.reload, back };
}

/** `/cases/:id/roles/:roleId/change`: holder, deputy, required. */
export function ChangeRolePage({ caseId, roleId, me }: { caseId: string; roleId: string; me: Me | null }) {
  const found = useRole(caseId, roleId, me);
  if (!found.role) return found.view;
  return (
    <ChangeRoleForm
      caseId={caseId}
      caseTitle={found.loaded.case.title}
      etag={found.loaded.etag}
      since={found.loaded.version}
      role={found.role}
      reload={found.reload}
      back={found.back}
    />
  );
}

const holdingOf = (r: Role): Holding => ({ holderId: r.holder?.id ?? '', deputyId: r.deputy?.id ?? '', required: r.required ? ['required'] : [] });

function ChangeRoleForm({
  caseId,
  caseTitle,
  etag,
  since,
  role,
  reload,
  back,
}: {
  caseId: string;
  caseTitle: string;
  etag: string | null;
  since: number | null;
  role: Role;
  reload: Reload;
  back: { href: string; text: string };
}) {
  const form = useForm<Holding>({ initial: holdingOf(role), validate: checkHolding });
  const people = usePeople(role.organisation.id);
  const names = { role: role.title, org: role.organisation.name ?? '' };
  const submit = form.submit(async (v) => {
    // Only what the person changed: saving after a conflict does not undo what someone else changed meanwhile.
    const body = {
      ...(form.changed('holderId') ? { holderId: idOrNull(v.holderId) } : {}),
      ...(form.changed('deputyId') ? { deputyId: idOrNull(v.deputyId) } : {}),
      ...(form.changed('required') ? { required: v.required.includes('required') } : {}),
    };
    await api.patch('/cases/{id}/roles/{roleId}', { params: { id: caseId, roleId: role.id }, body, ifMatch: etag, idempotencyKey: form.keyFor(body) });
    confirmAndGo(partiesOf(caseId), { area: 'parties', title: w('roleChanged', names) });
  }, since);
  const onReload = async () => {
    const fresh = (await reload())?.data.roles.find((r) => r.id === role.id);
    if (fresh) form.rebase(holdingOf(fresh));
  };
  const person = (id: string) => (id ? ((people.data ?? []).find((p) => p.id === id)?.name ?? '–') : '–');
  const differences = conflictDifferences(form, holdingOf(role), [
    { name: 'holderId', label: w('holderLabel'), show: (value) => person(value) },
    { name: 'deputyId', label: w('deputyLabel'), show: (value) => person(value) },
    { name: 'required', label: w('requiredRow'), show: (value) => (value.length ? w('yes') : w('no')) },
  ]);
  return (
    <FormPage
      form={form}
      title={w('changeRoleTitle', names)}
      caption={caseTitle}
      back={back}
      onSubmit={submit}
      submitText={w('saveButton')}
      conflict={{ caseId, onReload, differences }}
    >
      <HoldingFields organisation={role.organisation} holder={form.field('holderId')} deputy={form.field('deputyId')} required={form.field('required')} />
    </FormPage>
  );
}

/** `/cases/:id/roles/:roleId/remove`: the check before removing a role assignment. */
export function RemoveRolePage({ caseId, roleId, me }: { caseId: string; roleId: string; me: Me | null }) {
  const found = useRole(caseId, roleId, me);
  const form = useForm<object>({ initial: {} });
  if (!found.role) return found.view;
  const { role, loaded } = found;
  const names = { role: role.title, org: role.organisation.name ?? '' };
  const submit = form.submit(async () => {
    await api.delete('/cases/{id}/roles/{roleId}', { params: { id: caseId, roleId }, ifMatch: loaded.etag, idempotencyKey: form.keyFor({ remove: roleId }) });
    confirmAndGo(partiesOf(caseId), { area: 'parties', title: w('roleRemoved', names) });
  }, loaded.version);
  return (
    <FormPage
      form={form}
      title={w('removeRoleTitle', names)}
      caption={loaded.case.title}
      back={found.back}
      onSubmit={submit}
      submitText={w('removeRoleButton')}
      danger
      conflict={{ caseId, onReload: found.reload }}
    >
      <SummaryList
        rows={[
          { key: w('roleLabel'), value: role.title },
          { key: w('partyLabel'), value: role.organisation.name ?? '–' },
          { key: w('holderLabel'), value: role.holder?.name ?? w('vacant') },
          { key: w('deputyLabel'), value: role.deputy?.name ?? w('noDeputy') },
          { key: w('requiredRow'), value: role.required ? w('yes') : w('no') },
        ]}
      />
      <p>{w('removeRoleText')}</p>
    </FormPage>
  );
}
