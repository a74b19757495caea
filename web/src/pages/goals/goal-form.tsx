import { api, type BodyOf, type Me } from '../../api';
import { NotFound } from '../../components/common';
import {
  checkNumber,
  conflictDifferences,
  confirmAndGo,
  FormPage,
  NumberField,
  parseNumber,
  Radios,
  TextField,
  textOrNull,
  useForm,
  type Message,
} from '../../forms';
import type { Party } from '../parties/common';
import { backToGoals, runInstead, useGoalsData, type Goal } from './common';
import { goalsOf } from './paths';
import { w } from './words';

/** A goal as the form holds it: everything typed as text. */
interface GoalValues {
  title: string;
  indicatorKind: string;
  kpi: string;
  municipalityCode: string;
  indicatorName: string;
  unit: string;
  organisationId: string;
  baselineValue: string;
  baselineYear: string;
  targetKind: string;
  targetValue: string;
  targetYear: string;
}

const JOINT = 'joint';
const text = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

const valuesOf = (g: Goal | null): GoalValues => ({
  title: g?.title ?? '',
  indicatorKind: !g ? '' : g.indicator.kpi ? 'kolada' : g.indicator.name ? 'own' : '',
  kpi: g?.indicator.kpi ?? '',
  municipalityCode: g?.measuredFor.municipalityCode ?? '',
  indicatorName: g?.indicator.name ?? '',
  unit: g?.indicator.unit ?? '',
  organisationId: g?.measuredFor.organisationId ?? (g ? JOINT : ''),
  baselineValue: text(g?.baseline.value ?? null),
  baselineYear: text(g?.baseline.year ?? null),
  targetKind: g?.target.kind ?? '',
  targetValue: text(g?.target.value ?? null),
  targetYear: text(g?.target.year ?? null),
});

const year = (typed: string, label: () => string): Message | undefined =>
  !typed.trim() ? undefined : /^\d{4}$/.test(typed.trim()) ? undefined : () => w('writeYear', { label: label().toLowerCase() });

function check(v: GoalValues): Record<string, Message | undefined> {
  return {
    title: v.title.trim() ? undefined : () => w('writeTitle'),
    indicatorKind: v.indicatorKind ? undefined : () => w('chooseIndicatorKind'),
    kpi: v.indicatorKind === 'kolada' && !v.kpi.trim() ? () => w('writeKpi') : undefined,
    municipalityCode: v.indicatorKind === 'kolada' && !v.municipalityCode.trim() ? () => w('writeMunicipalityCode') : undefined,
    indicatorName: v.indicatorKind === 'own' && !v.indicatorName.trim() ? () => w('writeIndicatorName') : undefined,
    baselineValue: checkNumber(v.baselineValue, () => w('baselineValue')),
    baselineYear: year(v.baselineYear, () => w('baselineYear')),
    targetKind: v.targetValue.trim() && !v.targetKind ? () => w('chooseTargetKind') : undefined,
    targetValue: checkNumber(v.targetValue, () => w('targetValue')),
    targetYear: year(v.targetYear, () => w('targetYear')),
  };
}

type GoalBody = BodyOf<'/cases/{id}/goals', 'post'>;

/** The request body from what was typed (the numbers read with a decimal comma). */
function bodyOf(v: GoalValues): GoalBody {
  const kolada = v.indicatorKind === 'kolada';
  const n = (typed: string) => parseNumber(typed);
  return {
    title: v.title.trim(),
    kpi: kolada ? v.kpi.trim().toUpperCase() : null,
    municipalityCode: kolada ? v.municipalityCode.trim() : null,
    indicatorName: kolada ? textOrNull(v.indicatorName) : v.indicatorName.trim(),
    unit: textOrNull(v.unit),
    organisationId: v.organisationId && v.organisationId !== JOINT ? v.organisationId : null,
    baselineValue: n(v.baselineValue),
    baselineYear: n(v.baselineYear),
    targetKind: v.targetKind === 'absolute' || v.targetKind === 'relative' ? v.targetKind : null,
    targetValue: n(v.targetValue),
    targetYear: n(v.targetYear),
  };
}

/** The fields of a goal, shared by adding and changing. */
function GoalFields({ form, parties }: { form: ReturnType<typeof useForm<GoalValues>>; parties: Party[] }) {
  const kind = form.values.indicatorKind;
  return (
    <>
      <TextField field={form.field('title')} label={w('title')} hint={w('titleHint')} noun={w('titleNoun')} />
      <Radios
        field={form.field('indicatorKind')}
        label={w('indicatorKind')}
        hint={w('indicatorKindHint')}
        options={[
          { value: 'kolada', label: w('kolada'), hint: w('koladaHint') },
          { value: 'own', label: w('own'), hint: w('ownHint') },
        ]}
      />
      {kind === 'kolada' && (
        <>
          <TextField field={form.field('kpi')} label={w('kpi')} hint={w('kpiHint')} noun={w('kpiNoun')} width={10} />
          <TextField
            field={form.field('municipalityCode')}
            label={w('municipalityCode')}
            hint={w('municipalityCodeHint')}
            noun={w('municipalityCodeNoun')}
            width={4}
          />
        </>
      )}
      {kind === 'own' && (
        <TextField field={form.field('indicatorName')} label={w('indicatorName')} hint={w('indicatorNameHint')} noun={w('indicatorNameNoun')} />
      )}
      <TextField field={form.field('unit')} label={w('unit')} hint={w('unitHint')} noun={w('unitNoun')} optional width={10} />
      <Radios
        field={form.field('organisationId')}
        label={w('measuredFor')}
        hint={w('measuredForHint')}
        optional
        options={[{ value: JOINT, label: w('jointOption') }, ...parties.map((p) => ({ value: p.organisation.id, label: p.organisation.name ?? '–' }))]}
      />
      <NumberField field={form.field('baselineValue')} label={w('baselineValue')} hint={w('baselineValueHint')} decimals optional />
      <NumberField field={form.field('baselineYear')} label={w('baselineYear')} hint={w('baselineYearHint')} noun={w('yearNoun')} width={4} optional />
      <Radios
        field={form.field('targetKind')}
        label={w('targetKind')}
        optional
        options={[
          { value: 'absolute', label: w('absolute'), hint: w('absoluteHint') },
          { value: 'relative', label: w('relative'), hint: w('relativeHint') },
        ]}
      />
      <NumberField field={form.field('targetValue')} label={w('targetValue')} hint={w('targetValueHint')} decimals optional />
      <NumberField field={form.field('targetYear')} label={w('targetYear')} hint={w('targetYearHint')} noun={w('yearNoun')} width={4} optional />
    </>
  );
}

/** `/cases/:id/goals/new` and `/cases/:id/goals/:goalId/change`: a goal with its indicator, baseline and target. */
export function GoalPage({ caseId, goalId, me }: { caseId: string; goalId?: string; me: Me | null }) {
  const state = useGoalsData(caseId, me);
  const stop = runInstead(state, caseId);
  if (stop || !state.loaded) return stop;
  const goal = goalId ? (state.loaded.data.items.find((g) => g.id === goalId) ?? null) : null;
  if (goalId && !goal) return <NotFound text={w('notAGoal')} />;
  return <GoalForm caseId={caseId} goal={goal} state={state} />;
}

function GoalForm({ caseId, goal, state }: { caseId: string; goal: Goal | null; state: ReturnType<typeof useGoalsData> }) {
  const loaded = state.loaded!;
  const form = useForm<GoalValues>({ initial: valuesOf(goal), validate: check });
  const submit = form.submit(async (v) => {
    const all = bodyOf(v);
    if (!goal) {
      await api.post('/cases/{id}/goals', { params: { id: caseId }, body: all, ifMatch: loaded.etag, idempotencyKey: form.keyFor(all) });
      confirmAndGo(goalsOf(caseId), { area: 'goals', title: w('added', { goal: all.title }), next: w('addedNext') });
      return;
    }
    // Only what the person changed: saving after a conflict does not undo a colleague's change.
    const indicator = form.changed('indicatorKind') || form.changed('kpi') || form.changed('municipalityCode') || form.changed('indicatorName');
    const body: BodyOf<'/cases/{id}/goals/{goalId}', 'patch'> = {
      ...(form.changed('title') ? { title: all.title } : {}),
      ...(indicator ? { kpi: all.kpi, municipalityCode: all.municipalityCode, indicatorName: all.indicatorName } : {}),
      ...(form.changed('unit') ? { unit: all.unit } : {}),
      ...(form.changed('organisationId') ? { organisationId: all.organisationId } : {}),
      ...(form.changed('baselineValue') ? { baselineValue: all.baselineValue } : {}),
      ...(form.changed('baselineYear') ? { baselineYear: all.baselineYear } : {}),
      ...(form.changed('targetKind') ? { targetKind: all.targetKind } : {}),
      ...(form.changed('targetValue') ? { targetValue: all.targetValue } : {}),
      ...(form.changed('targetYear') ? { targetYear: all.targetYear } : {}),
    };
    await api.patch('/cases/{id}/goals/{goalId}', { params: { id: caseId, goalId: goal.id }, body, ifMatch: loaded.etag, idempotencyKey: form.keyFor(body) });
    confirmAndGo(goalsOf(caseId), { area: 'goals', title: w('changed', { goal: all.title }) });
  }, loaded.version);
  const onReload = async () => {
    const fresh = (await state.reload())?.data.items.find((g) => g.id === goal?.id);
    if (fresh) form.rebase(valuesOf(fresh));
  };
  const shown = (value: string) => value.trim() || '–';
  const differences = goal
    ? conflictDifferences(form, valuesOf(goal), [
        { name: 'title', label: w('title'), show: shown },
        { name: 'kpi', label: w('kpi'), show: shown },
        { name: 'municipalityCode', label: w('municipalityCode'), show: shown },
        { name: 'indicatorName', label: w('indicatorName'), show: shown },
        { name: 'unit', label: w('unit'), show: shown },
        { name: 'baselineValue', label: w('baselineValue'), show: shown },
        { name: 'baselineYear', label: w('baselineYear'), show: shown },
        { name: 'targetValue', label: w('targetValue'), show: shown },
        { name: 'targetYear', label: w('targetYear'), show: shown },
      ])
    : undefined;
  return (
    <FormPage
      form={form}
      title={goal ? w('changeTitle') : w('addTitle')}
      caption={loaded.case.title}
      back={backToGoals(caseId)}
      onSubmit={submit}
      submitText={goal ? w('saveButton') : w('addButton')}
      conflict={{ caseId, onReload, differences }}
      intro={goal ? undefined : <p>{w('addIntro')}</p>}
    >
      <GoalFields form={form} parties={loaded.data.parties.parties} />
    </FormPage>
  );
}
