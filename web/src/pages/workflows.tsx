import { useState } from 'preact/hooks';
import { ApiError, call, get, type PublishedWorkflow, type Schema } from '../api';
import { t } from '../i18n';
import { href } from '../router';
import { Badge, ErrorMessage, Loading, NotFound, useData } from '../components/common';
import { LifecycleDiagram } from '../components/diagram';
import type { Me } from '../main';
import { ConfirmationBanner, takeConfirmation } from '../forms';
import { checkedText, PublishOffer } from './workflow-admin/publish';
import { StepTimes } from './workflow-admin/step-times';

type WorkflowVersion = Schema<'WorkflowVersionDto'>;

/** Whether the signed-in person may check (and publish) definitions, as the service decides (policy.ts). */
function mayCheck(me: Me | null): boolean {
  return !!me && (me.systemRoles.includes('processOwner') || me.systemRoles.includes('administrator'));
}

/** The catalogue: every published version, each with its diagram on its own page. */
export function WorkflowsPage({ me }: { me: Me | null }) {
  const list = useData(() => get<WorkflowVersion[]>('/workflows'));
  return (
    <>
      <h1 tabIndex={-1}>{t('workflowsTitle')}</h1>
      <p>{t('workflowsIntro')}</p>
      {mayCheck(me) && (
        <p>
          <a href={href('/workflows/check')}>{t('checkLink')}</a>
        </p>
      )}
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {!list.data && !list.error && <Loading />}
      <ul class="cards">
        {list.data?.map((w) => (
          <li class="card card-plain">
            <h2>
              <a href={href(`/workflows/${w.id}/${w.version}`)}>
                {w.title}, {t('version').toLowerCase()} {w.version}
              </a>
            </h2>
            <p>
              <code>{w.id}</code> {w.latest && <Badge kind="info">{t('latest')}</Badge>}
            </p>
            {w.description && <p>{w.description}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One version: its lifecycle diagram (with the text alternative) and its gates. */
export function WorkflowPage({ id, version }: { id: string; version: number }) {
  const [confirmation] = useState(takeConfirmation);
  const data = useData(
    () => Promise.all([get<PublishedWorkflow>(`/workflows/${id}/versions/${version}`), get<WorkflowVersion[]>('/workflows')]),
    [id, version],
  );
  if (data.error instanceof ApiError && data.error.status === 404) return <NotFound />;
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const [{ definition, ruleSets }, list] = data.data;
  const title = list.find((w) => w.id === id && w.version === version)?.title ?? id;
  const lang = document.documentElement.lang === 'en' ? 'en' : 'sv';
  return (
    <>
      <h1 tabIndex={-1}>
        {title}, {t('version').toLowerCase()} {version}
      </h1>
      {confirmation && <ConfirmationBanner confirmation={confirmation} />}
      <p>
        <a href={href('/workflows')}>{t('workflowsTitle')}</a>
      </p>
      <h2>{t('lifecycle')}</h2>
      <LifecycleDiagram definition={definition} current={[]} title={title} idPrefix="wf" />
      <StepTimes definition={definition} />
      <h2>{t('ruleSets')}</h2>
      <dl class="facts">
        {Object.values(ruleSets).map((r) => (
          <>
            <dt>{r.title?.[lang] ?? r.id}</dt>
            <dd>
              {r.description?.[lang] ?? ''}
              <ul class="owed">
                {(r.conditions ?? []).map((c) => (
                  <li>{String(c.message?.[lang] ?? c.id).replace(/\{\{[^}]+\}\}/g, '…')}</li>
                ))}
              </ul>
            </dd>
          </>
        ))}
      </dl>
    </>
  );
}

type Problem = Schema<'DefinitionProblemDto'>;

/**
 * Where JSON.parse stopped, in the page's language: the browser's message itself is English
 * ("Expected ',' or '}' after property value in JSON at position 42 (line 3 column 5)").
 */
function jsonWhere(text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return t('jsonWhere', { line: lineColumn[1]!, column: lineColumn[2]! });
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return t('jsonWhere', { line, column: before.length - before.lastIndexOf('\n') });
}

/** Checks a workflow or rule file with the service's validation (nothing is published); for process owners. */
export function CheckPage({ me }: { me: Me | null }) {
  const [kind, setKind] = useState<'workflow' | 'rules'>('workflow');
  const [text, setText] = useState(checkedText);
  const [result, setResult] = useState<{ valid: boolean; problems: Problem[] } | { error: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      setResult({ error: t('notJson', { where: jsonWhere(text, (err as Error).message) }) });
      return;
    }
    try {
      const body = kind === 'workflow' ? { workflow: parsed } : { ruleSets: [parsed] };
      setResult((await call<Schema<'ValidationVerdictDto'>>('POST', '/workflows/validate', body)).body);
    } catch (err) {
      setResult({ error: t('error', { message: (err as Error).message }) });
    }
  };
  const load = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('checkTitle')}</h1>
      <p>{t('checkIntro')}</p>
      {me && !mayCheck(me) && <p class="notice error">{t('checkForbidden')}</p>}
      <form class="stack" onSubmit={submit}>
        <fieldset class="inline-choice">
          <legend>{t('fileKind')}</legend>
          <label>
            <input type="radio" name="kind" checked={kind === 'workflow'} onChange={() => setKind('workflow')} /> {t('kindWorkflow')}
          </label>
          <label>
            <input type="radio" name="kind" checked={kind === 'rules'} onChange={() => setKind('rules')} /> {t('kindRules')}
          </label>
        </fieldset>
        <div class="field">
          <label for="file">{t('fileUpload')}</label>
          <input id="file" type="file" accept="application/json,.json" onChange={load} />
        </div>
        <div class="field">
          <label for="content">{t('fileContent')}</label>
          <textarea id="content" rows={14} spellcheck={false} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </div>
        <div>
          <button type="submit">{t('check')}</button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {result && 'error' in result && <p class="notice error">{result.error}</p>}
        {result && 'valid' in result && result.valid && <p class="notice ok">{t('valid')}</p>}
        {result && 'valid' in result && result.valid && kind === 'workflow' && <PublishOffer text={text} me={me} />}
        {result && 'valid' in result && !result.valid && (
          <div class="notice error">
            <p>{t('problems', { n: result.problems.length })}</p>
            <ul class="problems">
              {result.problems.map((p) => (
                <li>
                  <code>#{p.pointer}</code>: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </>
  );
}
