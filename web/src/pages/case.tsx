import { useState } from 'preact/hooks';
import { ApiError, call, get, type PublishedWorkflow, type Schema } from '../api';
import { date, t } from '../i18n';
import type { Me } from '../main';
import { Badge, deadlineText, ErrorMessage, Loading, NotFound, useData } from '../components/common';
import { LifecycleDiagram } from '../components/diagram';
import { DecisionsSection } from './case-decisions';
import { ActionPlanSection, DocumentsSection, GoalsSection, HistorySection, PartiesSection, ResourcesSection } from './case-sections';

export type CaseData = Schema<'CaseDto'>;

type Gates = Schema<'CaseGatesDto'>;

export function CasePage({ id, me }: { id: string; me: Me | null }) {
  const [n, setN] = useState(0);
  const refresh = () => setN((x) => x + 1);
  const data = useData(async () => {
    const answer = await call<CaseData>('GET', `/cases/${id}`);
    const [gates, workflow] = await Promise.all([
      get<Gates>(`/cases/${id}/gates`),
      get<PublishedWorkflow>(`/workflows/${answer.body.workflow.id}/versions/${answer.body.workflow.version}`),
    ]);
    return { case: answer.body, etag: answer.etag, gates, definition: workflow.definition };
  }, [id, n]);

  if (data.error instanceof ApiError && (data.error.status === 404 || data.error.status === 400)) return <NotFound text={t('caseNotFound')} />;
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const { case: c, gates, definition, etag } = data.data;
  const sections: Array<[string, string]> = [
    ['overview', t('overview')],
    ['lifecycle', t('lifecycle')],
    ['gate', t('gate')],
    ['actions', t('actions')],
    ['parties', t('parties')],
    ['decisions', t('decisions')],
    ['goals', t('goals')],
    ['resources', t('resources')],
    ['action-plan', t('actionPlans')],
    ['documents', t('documents')],
    ['history', t('history')],
  ];
  const deadline = [...c.deadlines].sort((a, b) => a.workingDaysLeft - b.workingDaysLeft)[0];

  return (
    <>
      <h1 tabIndex={-1}>{c.title}</h1>
      <nav class="toc" aria-label={t('caseNav')}>
        <ul>
          {sections.map(([anchor, text]) => (
            <li>
              <a href={`#${anchor}`}>{text}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="overview" aria-labelledby="overview-h" class="section">
        <h2 id="overview-h">{t('overview')}</h2>
        <dl class="facts">
          <dt>{t('workflow')}</dt>
          <dd>
            {c.workflow.title} ({t('version').toLowerCase()} {c.workflow.version})
          </dd>
          <dt>{t('step')}</dt>
          <dd>{c.state.steps.map((s) => s.title).join(' › ')}</dd>
          <dt>{t('deadline')}</dt>
          <dd>
            {deadline ? (
              <>
                {deadline.overdue ? <Badge kind="bad">{t('stalled')}</Badge> : <Badge kind="ok">{t('onTime')}</Badge>} {deadlineText(deadline.workingDaysLeft)}{' '}
                ({t('due', { date: date(deadline.dueOn) })})
              </>
            ) : c.status === 'closed' ? (
              t('closed')
            ) : (
              t('noDeadline')
            )}
          </dd>
        </dl>
      </section>

      <section id="lifecycle" aria-labelledby="lifecycle-h" class="section">
        <h2 id="lifecycle-h">{t('lifecycle')}</h2>
        <LifecycleDiagram definition={definition} current={c.state.steps.map((s) => s.id)} title={c.workflow.title} idPrefix="case" />
      </section>

      <section id="gate" aria-labelledby="gate-h" class="section">
        <h2 id="gate-h">{t('gate')}</h2>
        {gates.gates.length === 0 && <p>{t('noGates')}</p>}
        {gates.gates.map((g) => (
          <div class="gate">
            <h3>{g.title ?? t('gateFor', { event: g.event, target: g.target.title })}</h3>
            {g.passed ? (
              <p>
                <Badge kind="ok">{t('gatePassed')}</Badge>
              </p>
            ) : (
              <>
                <p>
                  <Badge kind="bad">{g.failures.length === 1 ? t('gateBlockedOne') : t('gateBlocked', { n: g.failures.length })}</Badge>
                </p>
                <ul class="gate-list">
                  {g.failures.map((f) => (
                    <li>
                      {f.message} {f.mine && <Badge kind="warn">{t('mine')}</Badge>}
                      <span class="gate-meta">
                        {t('whoActs', { who: [f.responsibleTitle, f.organisations.map((o) => o.name).join(', ')].filter(Boolean).join(' – ') || '–' })}
                        {f.dueOn && <> · {t('byWhen', { date: date(f.dueOn) })}</>}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ))}
      </section>

      <section id="actions" aria-labelledby="actions-h" class="section">
        <h2 id="actions-h">{t('actions')}</h2>
        <EventButtons c={c} etag={etag} onDone={refresh} />
      </section>

      <PartiesSection id={id} />
      <DecisionsSection id={id} me={me} etag={etag} onChanged={refresh} />
      <GoalsSection id={id} />
      <ResourcesSection id={id} />
      <ActionPlanSection id={id} />
      <DocumentsSection id={id} />
      <HistorySection id={id} version={c.version} definition={definition} />
    </>
  );
}

function EventButtons({ c, etag, onDone }: { c: CaseData; etag: string | null; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (c.allowedEvents.length === 0) return <p>{t('noActions')}</p>;
  const send = async (type: string, title: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await call<CaseData>(
        'POST',
        `/cases/${c.id}/events`,
        { type, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        etag ? { 'if-match': etag } : {},
      );
      setComment('');
      setMessage({ kind: 'ok', text: t('sent', { step: res.body.state.steps.map((s) => s.title).join(' › ') }) });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'GATE_BLOCKED') {
        const n = e.body?.failures?.length ?? 0;
        setMessage({ kind: 'error', text: n === 1 ? t('blockedOne', { event: title }) : t('blocked', { event: title, n }) });
      } else if (e instanceof ApiError && e.status === 409) {
        setMessage({ kind: 'error', text: t('conflict') });
        onDone();
      } else setMessage({ kind: 'error', text: t('error', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="stack">
      <div role="status" aria-live="polite">
        {message && <p class={`notice ${message.kind === 'ok' ? 'ok' : 'error'}`}>{message.text}</p>}
      </div>
      <div class="field">
        <label for="event-comment">{t('comment')}</label>
        <textarea id="event-comment" class="short" value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
      </div>
      <div class="actions">
        {c.allowedEvents.map((e) => (
          <button type="button" disabled={busy} onClick={() => send(e.type, e.title ?? e.type)}>
            {e.title ?? `${e.type} → ${e.target.title}`}
          </button>
        ))}
      </div>
    </div>
  );
}
