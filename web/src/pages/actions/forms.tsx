import { api, type BodyOf, type Me, type Schema } from '../../api';
import { NotFound } from '../../components/common';
import {
  Checkboxes,
  checkDate,
  conflictDifferences,
  confirmAndGo,
  DateField,
  dateParts,
  FormPage,
  isoDate,
  Radios,
  TextField,
  useForm,
  type DateParts,
} from '../../forms';
import { date } from '../../i18n';
import { label } from '../../labels';
import { useWorkData, workInstead } from '../goals/case-work';
import { actionsOf } from './paths';
import { w } from './words';

export type Action = Schema<'ActionViewDto'>;
type Status = Action['status'];
const STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const satisfies readonly Status[];
const NOBODY = 'nobody';

/** Reads the action plan of a case. */
export const readActions = (caseId: string): Promise<Action[]> => api.read('/cases/{id}/actions', { params: { id: caseId } });

interface ActionValues {
  title: string;
  responsibleOrganisationId: string;
  subgroup: string[];
  dueDate: DateParts;
  status: string;
}

const valuesOf = (a: Action | null): ActionValues => ({
  title: a?.title ?? '',
  responsibleOrganisationId: a ? (a.responsible?.id ?? NOBODY) : '',
  subgroup: a?.subgroup.map((s) => s.id) ?? [],
  dueDate: dateParts(a?.dueDate),
  status: a?.status ?? 'planned',
});

/** `/cases/:id/actions/new` and `/cases/:id/actions/:actionId/change`. */
export function ActionPage({ caseId, actionId, me }: { caseId: string; actionId?: string; me: Me | null }) {
  const state = useWorkData(caseId, me, () => readActions(caseId));
  const back = { href: actionsOf(caseId), text: w('backToCase') };
  const stop = workInstead(state, (a) => a.runsCase, `${w('whoMay')} ${w('notAllowed')}`, back);
  if (stop || !state.loaded) return stop;
  const action = actionId ? (state.loaded.data.items.find((a) => a.id === actionId) ?? null) : null;
  if (actionId && !action) return <NotFound text={w('notAnAction')} />;
  return <ActionForm caseId={caseId} action={action} state={state} back={back} />;
}

function ActionForm({
  caseId,
  action,
  state,
  back,
}: {
  caseId: string;
  action: Action | null;
  state: ReturnType<typeof useWorkData<Action[]>>;
  back: { href: string; text: string };
}) {
  const loaded = state.loaded!;
  const parties = loaded.data.parties.parties;
  const form = useForm<ActionValues>({
    initial: valuesOf(action),
    validate: (v) => ({ title: v.title.trim() ? undefined : () => w('writeTitle'), dueDate: checkDate(v.dueDate, () => w('dueDate')) }),
    fieldOf: (path) => (path.startsWith('subgroup') ? 'subgroup' : undefined),
  });
  const submit = form.submit(async (v) => {
    const all = {
      title: v.title.trim(),
      responsibleOrganisationId: v.responsibleOrganisationId && v.responsibleOrganisationId !== NOBODY ? v.responsibleOrganisationId : null,
      subgroup: v.subgroup,
      dueDate: isoDate(v.dueDate) ?? null,
      status: v.status as Status,
    };
    if (!action) {
      await api.post('/cases/{id}/actions', { params: { id: caseId }, body: all, ifMatch: loaded.etag, idempotencyKey: form.keyFor(all) });
      confirmAndGo(actionsOf(caseId), { area: 'action-plan', title: w('added', { title: all.title }) });
      return;
    }
    const body: BodyOf<'/cases/{id}/actions/{actionId}', 'patch'> = {
      ...(form.changed('title') ? { title: all.title } : {}),
      ...(form.changed('responsibleOrganisationId') ? { responsibleOrganisationId: all.responsibleOrganisationId } : {}),
      ...(form.changed('subgroup') ? { subgroup: all.subgroup } : {}),
      ...(form.changed('dueDate') ? { dueDate: all.dueDate } : {}),
      ...(form.changed('status') ? { status: all.status } : {}),
    };
    await api.patch('/cases/{id}/actions/{actionId}', {
      params: { id: caseId, actionId: action.id },
      body,
      ifMatch: loaded.etag,
      idempotencyKey: form.keyFor(body),
    });
    confirmAndGo(actionsOf(caseId), { area: 'action-plan', title: w('changed', { title: all.title }) });
  }, loaded.version);
  const onReload = async () => {
    const fresh = (await state.reload())?.data.items.find((a) => a.id === action?.id);
    if (fresh) form.rebase(valuesOf(fresh));
  };
  const options = parties.map((p) => ({ value: p.organisation.id, label: p.organisation.name ?? '–' }));
  const nameOf = (id: string) => options.find((o) => o.value === id)?.label ?? w('nobodyYet');
  const differences = action
    ? conflictDifferences(form, valuesOf(action), [
        { name: 'title', label: w('title'), show: (v) => v },
        { name: 'responsibleOrganisationId', label: w('responsibleLabel'), show: nameOf },
        { name: 'subgroup', label: w('subgroup'), show: (v) => v.map(nameOf).join(', ') || '–' },
        { name: 'dueDate', label: w('dueDate'), show: (v) => (isoDate(v) ? date(isoDate(v)) : '–') },
        { name: 'status', label: w('statusLabel'), show: (v) => label('actionStatus', v) },
      ])
    : undefined;
  return (
    <FormPage
      form={form}
      title={action ? w('changeTitle') : w('addTitle')}
      caption={loaded.case.title}
      back={back}
      onSubmit={submit}
      submitText={action ? w('saveButton') : w('addButton')}
      conflict={{ caseId, onReload, differences }}
    >
      <TextField field={form.field('title')} label={w('title')} hint={w('titleHint')} noun={w('titleNoun')} />
      <Radios
        field={form.field('responsibleOrganisationId')}
        label={w('responsibleLabel')}
        hint={w('responsibleHint')}
        optional
        options={[...options, { value: NOBODY, label: w('nobodyYet') }]}
      />
      <Checkboxes field={form.field('subgroup')} label={w('subgroup')} hint={w('subgroupHint')} optional options={options} />
      <DateField field={form.field('dueDate')} label={w('dueDate')} hint={w('dueDateHint')} optional />
      <Radios field={form.field('status')} label={w('statusLabel')} options={STATUSES.map((s) => ({ value: s, label: label('actionStatus', s) }))} />
    </FormPage>
  );
}
