import { useEffect } from 'preact/hooks';
import type { Me, Schema } from '../../api';
import { api } from '../../api';
import {
  checkNumber,
  confirmAndGo,
  conflictDifferences,
  fieldId,
  FormPage,
  NumberField,
  parseNumber,
  Radios,
  TextArea,
  TextField,
  useForm,
  type Message,
} from '../../forms';
import { insteadOfForm, leadingNames, useWorkData } from '../documents/case-work';
import { caseFieldsOf, type CaseFieldSpec } from './field-list';
import { fieldsAreaOf } from './paths';
import { w } from './words';

type Saved = Schema<'CaseDto'>['fields'];
/** The fields as typed: a text, a number as typed, "yes"/"no"/"" for yes or no. */
type Typed = Record<string, string>;

function typedOf(specs: CaseFieldSpec[], saved: Saved): Typed {
  return Object.fromEntries(
    specs.map((f) => {
      const v = saved[f.key];
      return [f.key, v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)];
    }),
  );
}

/** What the API stores for a typed value (null removes the field). */
function stored(spec: CaseFieldSpec, typed: string): string | number | boolean | null {
  if (!typed.trim()) return null;
  if (spec.type === 'number') return parseNumber(typed);
  if (spec.type === 'yesNo') return typed === 'yes';
  return typed.trim();
}

/**
 * `/cases/:id/fields`: fill in or change the case fields the workflow declares (a merge patch).
 * `?field=<key>` (a task's link) puts the cursor in that field.
 */
export function CaseFieldsPage({ caseId, me, focus }: { caseId: string; me: Me | null; focus?: string | null }) {
  const state = useWorkData(caseId, me, async () => null);
  const back = { href: fieldsAreaOf(caseId), text: w('backToCase') };
  const lead = leadingNames(state.loaded?.data.parties ?? []);
  const stop = insteadOfForm(state, (a) => a.runsCase, `${lead ? w('whoMayNamed', { org: lead }) : w('whoMay')} ${w('notYou')}`, back);
  if (stop || !state.loaded) return stop;
  const specs = caseFieldsOf(state.loaded.case);
  return (
    <FieldsForm
      caseId={caseId}
      caseTitle={state.loaded.case.title}
      etag={state.loaded.etag}
      since={state.loaded.version}
      specs={specs}
      saved={state.loaded.case.fields}
      reload={async () => (await state.reload())?.case.fields ?? null}
      back={back}
      focus={specs.some((f) => f.key === focus) ? (focus ?? null) : null}
    />
  );
}

function FieldsForm({
  caseId,
  caseTitle,
  etag,
  since,
  specs,
  saved,
  reload,
  back,
  focus,
}: {
  caseId: string;
  caseTitle: string;
  etag: string | null;
  since: number | null;
  specs: CaseFieldSpec[];
  saved: Saved;
  reload: () => Promise<Saved | null>;
  back: { href: string; text: string };
  /** The key of the field to put the cursor in once the form is drawn. */
  focus: string | null;
}) {
  useEffect(() => {
    if (!focus) return;
    // After the page's own arrival focus (the heading), which the router gives first.
    const timer = setTimeout(() => document.getElementById(fieldId(focus))?.focus(), 50);
    return () => clearTimeout(timer);
  }, [focus]);
  const form = useForm<Typed>({
    initial: typedOf(specs, saved),
    validate: (v) => {
      const problems: Record<string, Message | undefined> = {};
      for (const f of specs.filter((s) => s.type === 'number')) problems[f.key] = checkNumber(v[f.key] ?? '', () => f.label);
      for (const f of specs.filter((s) => s.type === 'date'))
        if ((v[f.key] ?? '').trim() && !/^\d{4}-\d{2}-\d{2}$/.test((v[f.key] ?? '').trim())) problems[f.key] = () => w('dateHint');
      return problems;
    },
  });
  const submit = form.submit(async (v) => {
    // A merge patch of what the person changed only: a colleague's change to another field stays.
    const changed = specs.filter((f) => form.changed(f.key));
    if (!changed.length) {
      confirmAndGo(fieldsAreaOf(caseId), { area: 'case-fields', title: w('nothingChanged') });
      return;
    }
    const patch = Object.fromEntries(changed.map((f) => [f.key, stored(f, v[f.key] ?? '')]));
    await api.patch('/cases/{id}/fields', { params: { id: caseId }, body: patch, ifMatch: etag, idempotencyKey: form.keyFor(patch) });
    confirmAndGo(fieldsAreaOf(caseId), {
      area: 'case-fields',
      title: w('saved', { fields: changed.map((f) => f.label).join(', ') }),
      next: w('savedNext'),
    });
  }, since);
  const onReload = async () => {
    const fresh = await reload();
    if (fresh) form.rebase(typedOf(specs, fresh));
  };
  const show = (f: CaseFieldSpec) => (typed: string) =>
    f.type === 'yesNo' ? (typed === 'yes' ? w('yes') : typed === 'no' ? w('no') : '–') : typed.trim() || '–';
  const differences = conflictDifferences<Typed>(
    form,
    typedOf(specs, saved),
    specs.map((f) => ({ name: f.key, label: f.label, show: show(f) })),
  );
  return (
    <FormPage
      form={form}
      title={w('formTitle')}
      caption={caseTitle}
      back={back}
      onSubmit={submit}
      submitText={w('saveButton')}
      conflict={{ caseId, onReload, differences }}
      intro={<p>{w('formIntro')}</p>}
    >
      {specs.length === 0 && <p>{w('none')}</p>}
      {specs.map((f) => {
        const field = form.field(f.key);
        const hint = f.help ?? undefined;
        if (f.type === 'number') return <NumberField field={field} label={f.label} hint={hint} optional={!f.asked} width={10} />;
        if (f.type === 'yesNo')
          return (
            <Radios
              field={field}
              label={f.label}
              hint={hint}
              optional={!f.asked}
              inline
              options={[
                { value: 'yes', label: w('yes') },
                { value: 'no', label: w('no') },
              ]}
            />
          );
        if (f.type === 'date')
          return <TextField field={field} label={f.label} hint={[hint, w('dateHint')].filter(Boolean).join(' ')} optional={!f.asked} width={10} />;
        if (f.type === 'text') return <TextField field={field} label={f.label} hint={hint} optional={!f.asked} width="full" />;
        return <TextArea field={field} label={f.label} hint={hint} optional={!f.asked} rows={4} />;
      })}
    </FormPage>
  );
}
