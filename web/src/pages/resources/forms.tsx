import { api, type Me } from '../../api';
import { NotFound } from '../../components/common';
import {
  checkDate,
  checkNumber,
  confirmAndGo,
  DateField,
  FormPage,
  isoDate,
  NO_DATE,
  NumberField,
  parseNumber,
  Radios,
  SummaryList,
  TextArea,
  textOrNull,
  useForm,
  WarningText,
} from '../../forms';
import { date } from '../../i18n';
import { label } from '../../labels';
import { partiesFor, workInstead } from '../goals/case-work';
import { amountText, backToResources, UNITS, useResourcesData, whatText, type ResourceKind } from './common';
import { resourcesOf } from './paths';
import { w } from './words';

const KINDS = ['money', 'staff', 'premises', 'other'] as const satisfies readonly ResourceKind[];
const KIND_HINTS: Record<ResourceKind, () => string> = {
  money: () => w('moneyHint'),
  staff: () => w('staffHint'),
  premises: () => w('premisesHint'),
  other: () => w('otherHint'),
};

const contributorsOnly = (state: ReturnType<typeof useResourcesData>, caseId: string) =>
  workInstead(state, (a) => a.contributes, `${w('whoMay')} ${w('notAllowed')}`, backToResources(caseId));

/** `/cases/:id/resources/new`: a party commits money, staff, premises or something else. */
export function AddResourcePage({ caseId, me }: { caseId: string; me: Me | null }) {
  const state = useResourcesData(caseId, me);
  const stop = contributorsOnly(state, caseId);
  if (stop || !state.loaded || !state.access) return stop;
  return <AddResourceForm caseId={caseId} state={state} />;
}

function AddResourceForm({ caseId, state }: { caseId: string; state: ReturnType<typeof useResourcesData> }) {
  const loaded = state.loaded!;
  const parties = partiesFor(state.access!, loaded.data.parties.parties);
  const form = useForm({
    initial: {
      organisationId: parties.length === 1 ? parties[0]!.organisation.id : '',
      kind: '',
      amount: '',
      unit: '',
      description: '',
      periodStart: NO_DATE,
      periodEnd: NO_DATE,
    },
    validate: (v) => ({
      organisationId: v.organisationId ? undefined : () => w('chooseOrganisation'),
      kind: v.kind ? undefined : () => w('chooseKind'),
      amount: checkNumber(v.amount, () => w('amountNoun'), { example: '0,5' }),
      unit: v.amount.trim() && !v.unit ? () => w('chooseUnit') : undefined,
      periodStart: checkDate(v.periodStart, () => w('periodStart')),
      periodEnd: checkDate(v.periodEnd, () => w('periodEnd')),
    }),
  });
  const kind = form.values.kind as ResourceKind | '';
  const submit = form.submit(async (v) => {
    const body = {
      organisationId: v.organisationId,
      kind: v.kind as ResourceKind,
      amount: parseNumber(v.amount),
      unit: v.amount.trim() ? v.unit : null,
      description: textOrNull(v.description),
      periodStart: isoDate(v.periodStart) ?? null,
      periodEnd: isoDate(v.periodEnd) ?? null,
    };
    const { body: saved } = await api.post('/cases/{id}/resources', { params: { id: caseId }, body, ifMatch: loaded.etag, idempotencyKey: form.keyFor(body) });
    confirmAndGo(resourcesOf(caseId), {
      area: 'resources',
      title: w('added', { org: saved.organisation.name ?? '', what: whatText(saved) }),
      next: w('addedNext'),
    });
  }, loaded.version);
  return (
    <FormPage
      form={form}
      title={w('addTitle')}
      caption={loaded.case.title}
      back={backToResources(caseId)}
      onSubmit={submit}
      submitText={w('addButton')}
      conflict={{ caseId, onReload: state.reload }}
      intro={<p>{w('addIntro')}</p>}
    >
      <Radios
        field={form.field('organisationId')}
        label={w('organisation')}
        options={parties.map((p) => ({ value: p.organisation.id, label: p.organisation.name ?? '–' }))}
      />
      <Radios
        field={form.field('kind')}
        label={w('kindLabel')}
        options={KINDS.map((k) => ({ value: k, label: label('resourceKind', k), hint: KIND_HINTS[k]() }))}
      />
      <NumberField field={form.field('amount')} label={w('amountLabel')} hint={w('amountHint')} noun={w('amountNoun')} decimals optional />
      {kind && <Radios field={form.field('unit')} label={w('unit')} hint={w('unitHint')} inline options={UNITS[kind].map((u) => ({ value: u, label: u }))} />}
      <TextArea field={form.field('description')} label={w('descriptionLabel')} hint={w('descriptionHint')} noun={w('descriptionNoun')} optional rows={3} />
      <DateField field={form.field('periodStart')} label={w('periodStart')} hint={w('dateHint')} optional />
      <DateField field={form.field('periodEnd')} label={w('periodEnd')} hint={w('dateHint')} optional />
    </FormPage>
  );
}

/** `/cases/:id/resources/:commitmentId/withdraw`: the check before a commitment is withdrawn. */
export function WithdrawResourcePage({ caseId, commitmentId, me }: { caseId: string; commitmentId: string; me: Me | null }) {
  const state = useResourcesData(caseId, me);
  const form = useForm<object>({ initial: {} });
  const stop = contributorsOnly(state, caseId);
  if (stop || !state.loaded) return stop;
  const loaded = state.loaded;
  const c = loaded.data.items.find((x) => x.id === commitmentId);
  if (!c) return <NotFound text={w('notACommitment')} />;
  const org = c.organisation.name ?? '';
  const submit = form.submit(async () => {
    await api.delete('/cases/{id}/resources/{commitmentId}', {
      params: { id: caseId, commitmentId },
      ifMatch: loaded.etag,
      idempotencyKey: form.keyFor({ withdraw: commitmentId }),
    });
    confirmAndGo(resourcesOf(caseId), { area: 'resources', title: w('withdrawn', { org, what: whatText(c) }) });
  }, loaded.version);
  const period = [c.periodStart ? w('from', { date: date(c.periodStart) }) : '', c.periodEnd ? w('until', { date: date(c.periodEnd) }) : '']
    .filter(Boolean)
    .join(' ');
  return (
    <FormPage
      form={form}
      title={w('withdrawTitle')}
      caption={loaded.case.title}
      back={backToResources(caseId)}
      onSubmit={submit}
      submitText={w('withdrawButton')}
      danger
      errorTitle={w('cannotWithdraw')}
      noRetryWhenRefused
      conflict={{ caseId, onReload: state.reload }}
      intro={<p>{w('withdrawIntro')}</p>}
    >
      <SummaryList
        rows={[
          { key: w('party'), value: org },
          { key: w('kind'), value: label('resourceKind', c.kind) },
          { key: w('amount'), value: amountText(c) },
          ...(c.description ? [{ key: w('description'), value: c.description }] : []),
          ...(period ? [{ key: w('period'), value: period }] : []),
        ]}
      />
      <WarningText>{w('withdrawWarning')}</WarningText>
    </FormPage>
  );
}
