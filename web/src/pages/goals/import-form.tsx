import { useState } from 'preact/hooks';
import { api, type BodyOf, type Me } from '../../api';
import { confirmAndGo, FormPage, useForm } from '../../forms';
import { workInstead } from './case-work';
import { backToGoals, useGoalsData } from './common';
import { goalsOf } from './paths';
import { w } from './words';

type KoladaFile = BodyOf<'/cases/{id}/goals/kolada-import', 'post'>;

/**
 * `/cases/:id/goals/import`: a file in the Kolada data API's JSON format; its values that match a
 * goal of the case (the same key figure and municipality code) become measurements.
 */
export function ImportPage({ caseId, me }: { caseId: string; me: Me | null }) {
  const state = useGoalsData(caseId, me);
  const form = useForm<{ file: string }>({ initial: { file: '' }, validate: (v) => ({ file: v.file ? undefined : () => w('chooseAFile') }) });
  const [content, setContent] = useState<{ name: string; json: unknown } | null>(null);
  const stop = workInstead(state, (a) => a.contributes, `${w('whoMayMeasure')} ${w('notAllowed')}`, backToGoals(caseId));
  if (stop || !state.loaded) return stop;
  const loaded = state.loaded;
  const submit = form.submit(async () => {
    if (!content) return;
    // The service checks the file's shape (400 with where it is wrong); nothing is half imported.
    const body = content.json as KoladaFile;
    const { body: result } = await api.post('/cases/{id}/goals/kolada-import', {
      params: { id: caseId },
      body,
      ifMatch: loaded.etag,
      idempotencyKey: form.keyFor({ file: content.name, body }),
    });
    const title =
      result.imported === 0 ? w('importedNone') : result.imported === 1 ? w('importedOne') : w('imported', { n: result.imported, goals: result.goals.length });
    confirmAndGo(goalsOf(caseId), {
      area: 'goals',
      title,
      ...(result.unmatched ? { next: result.unmatched === 1 ? w('importedUnmatchedOne') : w('importedUnmatched', { n: result.unmatched }) } : {}),
    });
  }, loaded.version);
  const field = form.field('file');
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      setContent({ name: file.name, json: JSON.parse(await file.text()) });
      field.set(file.name);
    } catch {
      setContent(null);
      field.set('');
      form.set('file', '');
    }
  };
  field.labelled(w('file'));
  const hintId = `${field.id}-hint`;
  const errorId = `${field.id}-error`;
  return (
    <FormPage
      form={form}
      title={w('importTitle')}
      caption={loaded.case.title}
      back={backToGoals(caseId)}
      onSubmit={submit}
      submitText={w('importButton')}
      conflict={{ caseId, onReload: state.reload }}
      intro={
        <>
          <p>{w('importIntro')}</p>
          <p>{w('goalsNeedKpi')}</p>
        </>
      }
    >
      <div class={`form-group${field.error ? ' has-error' : ''}`}>
        <label class="label" for={field.id}>
          {w('file')}
        </label>
        <div id={hintId} class="hint">
          {w('fileHint')}
        </div>
        {field.error && (
          <p id={errorId} class="error-message">
            <span class="visually-hidden">Fel: </span>
            {field.error}
          </p>
        )}
        <div class="file-choice">
          <input
            id={field.id}
            name={field.name}
            type="file"
            accept="application/json,.json"
            class="file-input"
            aria-describedby={[hintId, field.error ? errorId : '', `${field.id}-chosen`].filter(Boolean).join(' ')}
            aria-invalid={field.error ? 'true' : undefined}
            onChange={(e) => void choose(e.target as HTMLInputElement)}
          />
          <span class="button secondary file-button" aria-hidden="true">
            {w('chooseFile')}
          </span>
          <span id={`${field.id}-chosen`} class="file-name">
            {content ? w('chosen', { name: content.name }) : w('noFile')}
          </span>
        </div>
      </div>
    </FormPage>
  );
}
