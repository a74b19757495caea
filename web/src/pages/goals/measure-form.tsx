import { api, type Me } from '../../api';
import { NotFound } from '../../components/common';
import { checkNumber, confirmAndGo, FormPage, NumberField, parseNumber, useForm } from '../../forms';
import { lang } from '../../i18n';
import { num, workInstead } from './case-work';
import { backToGoals, mayMeasure, measuredForText, useGoalsData, type Goal } from './common';
import { goalsOf } from './paths';
import { w } from './words';

/** `/cases/:id/goals/:goalId/measurements/new`: a year's value of a goal (a year that has one is corrected). */
export function MeasurePage({ caseId, goalId, me }: { caseId: string; goalId: string; me: Me | null }) {
  const state = useGoalsData(caseId, me);
  const goal = state.loaded?.data.items.find((g) => g.id === goalId) ?? null;
  const stop = workInstead(state, (a) => (goal ? mayMeasure(a, goal) : true), `${w('whoMayMeasure')} ${w('notAllowed')}`, backToGoals(caseId));
  if (stop || !state.loaded) return stop;
  if (!goal) return <NotFound text={w('notAGoal')} />;
  return <MeasureForm caseId={caseId} goal={goal} state={state} />;
}

function MeasureForm({ caseId, goal, state }: { caseId: string; goal: Goal; state: ReturnType<typeof useGoalsData> }) {
  const loaded = state.loaded!;
  const form = useForm({
    initial: { period: String(new Date().getFullYear() - 1), value: '' },
    validate: (v) => ({
      period: /^\d{4}$/.test(v.period.trim()) ? undefined : () => w('writeYear', { label: w('measureYear').toLowerCase() }),
      value: checkNumber(v.value, () => w('measureValue'), { required: () => w('writeValue'), example: '9,8' }),
    }),
  });
  const existing = goal.measurements.find((m) => String(m.period) === form.values.period.trim());
  const submit = form.submit(async (v) => {
    const body = { period: Number(v.period.trim()), value: parseNumber(v.value) ?? 0 };
    await api.post('/cases/{id}/goals/{goalId}/measurements', {
      params: { id: caseId, goalId: goal.id },
      body,
      ifMatch: loaded.etag,
      idempotencyKey: form.keyFor(body),
    });
    confirmAndGo(goalsOf(caseId), {
      area: 'goals',
      title: w('measured', { value: num(body.value, lang()), year: body.period, goal: goal.title }),
      next: w('measuredNext'),
    });
  }, loaded.version);
  return (
    <FormPage
      form={form}
      title={w('measureTitle')}
      caption={`${goal.title} (${measuredForText(goal, loaded.data.parties.parties)})`}
      back={backToGoals(caseId)}
      onSubmit={submit}
      submitText={w('measureButton')}
      conflict={{ caseId, onReload: state.reload }}
      intro={<p>{w('measureIntro')}</p>}
    >
      <NumberField field={form.field('period')} label={w('measureYear')} hint={w('measureYearHint')} noun={w('yearNoun')} width={4} />
      <NumberField
        field={form.field('value')}
        label={w('measureValue')}
        hint={goal.indicator.unit ? w('measureValueHint', { unit: goal.indicator.unit }) : w('measureValueHintNoUnit')}
        decimals
      />
      {existing && (
        <p class="inset" role="status">
          {w('existing', { year: existing.period, value: num(existing.value, lang()) })}
        </p>
      )}
    </FormPage>
  );
}
