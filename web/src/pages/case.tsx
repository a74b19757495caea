import { useState } from 'preact/hooks';
import { ApiError, api, get, type PublishedWorkflow, type Schema } from '../api';
import { caseAccess } from '../access';
import { date, t } from '../i18n';
import type { Me } from '../main';
import { Area, AreaNav } from '../components/area-nav';
import { Badge, deadlineText, ErrorMessage, Loading, NotFound, useData } from '../components/common';
import { LifecycleDiagram } from '../components/diagram';
import { ConfirmationBanner, takeConfirmation } from '../forms';
import { DecisionsSection } from './case-decisions';
import { HistorySection } from './case-sections';
import { GoalsArea } from './goals/area';
import { ResourcesArea } from './resources/area';
import { ActionsArea } from './actions/area';
import { DocumentsArea } from './documents/area';
import { CaseFieldsSummary } from './case-fields/summary';
import { PartiesArea } from './parties/area';
import { GateTaskList } from './tasks/task-list';
import { readParties } from './parties/common';

export type CaseData = Schema<'CaseDto'>;

/** The areas of the case page, in the order of the in-page navigation (UI-GUIDE: "Long case pages"). */
const AREAS = ['overview', 'parties', 'decisions', 'goals', 'resources', 'action-plan', 'documents', 'history'] as const;
/** The areas whose own component shows a confirmation of a change made in it; the others get it under the heading. */
const CONFIRMING_AREAS = new Set<string>(['parties', 'goals', 'resources', 'action-plan', 'documents']);

/**
 * A case, by areas: Översikt (the step, its deadline, the gate of the next step as a task list with
 * links to the forms that do each task and the step's one primary button, the lifecycle), Parter, Beslut, Mål, Resurser, Handlingsplan, Dokument,
 * Historik; an in-page navigation that stays reachable; in each area, the actions the signed-in
 * person may take there (links to the form pages of the route table).
 */
export function CasePage({ id, me }: { id: string; me: Me | null }) {
  const [n, setN] = useState(0);
  const [confirmation] = useState(takeConfirmation);
  const refresh = () => setN((x) => x + 1);
  const data = useData(async () => {
    const answer = await api.get('/cases/{id}', { params: { id } });
    const c = answer.body;
    const [gates, workflow, parties] = await Promise.all([
      api.read('/cases/{id}/gates', { params: { id } }),
      // The definition's shape is the workflow file's JSON Schema (PublishedWorkflow), not the OpenAPI document's open object.
      get<PublishedWorkflow>(`/workflows/${encodeURIComponent(c.workflow.id)}/versions/${c.workflow.version}`),
      readParties(id),
    ]);
    return { case: c, etag: answer.etag, gates, definition: workflow.definition, parties };
  }, [id, n]);

  if (data.error instanceof ApiError && (data.error.status === 404 || data.error.status === 400)) return <NotFound text={t('caseNotFound')} />;
  if (data.error) return <ErrorMessage error={data.error} />;
  if (!data.data) return <Loading />;
  const { case: c, gates, definition, etag, parties } = data.data;
  const access = caseAccess(me, parties.parties, parties.roles);
  const titles: Record<(typeof AREAS)[number], string> = {
    overview: t('overview'),
    parties: t('areaParties'),
    decisions: t('areaDecisions'),
    goals: t('goals'),
    resources: t('resources'),
    'action-plan': t('actionPlans'),
    documents: t('documents'),
    history: t('history'),
  };
  const deadline = [...c.deadlines].sort((a, b) => a.workingDaysLeft - b.workingDaysLeft)[0];
  const elsewhere = confirmation && !CONFIRMING_AREAS.has(confirmation.area ?? '') ? confirmation : null;

  return (
    <>
      <h1 tabIndex={-1}>{c.title}</h1>
      {elsewhere && <ConfirmationBanner confirmation={elsewhere} />}
      <div class="case-layout">
        <AreaNav label={t('caseNav')} areas={AREAS.map((a) => ({ id: a, title: titles[a] }))} />
        <div class="case-areas">
          <Area id="overview" title={t('overview')}>
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
                    {deadline.overdue ? <Badge kind="bad">{t('stalled')}</Badge> : <Badge kind="ok">{t('onTime')}</Badge>}{' '}
                    {deadlineText(deadline.workingDaysLeft)} ({t('due', { date: date(deadline.dueOn) })})
                  </>
                ) : c.status === 'closed' ? (
                  t('closed')
                ) : (
                  t('noDeadline')
                )}
              </dd>
            </dl>

            <GateTaskList
              c={c}
              gates={gates}
              access={access}
              roles={parties.roles}
              parties={parties.parties}
              definition={definition}
              etag={etag}
              onDone={refresh}
            />

            <CaseFieldsSummary c={c} access={access} parties={parties.parties} />

            {c.allowedEvents.some((e) => !gates.gates.some((g) => g.event === e.type)) && (
              <section id="actions" aria-labelledby="actions-h" class="subsection">
                <h3 id="actions-h">{t('actions')}</h3>
                <EventButtons c={c} events={c.allowedEvents.filter((e) => !gates.gates.some((g) => g.event === e.type))} etag={etag} onDone={refresh} />
              </section>
            )}

            <section id="lifecycle" aria-labelledby="lifecycle-h" class="subsection">
              <h3 id="lifecycle-h">{t('lifecycle')}</h3>
              <LifecycleDiagram definition={definition} current={c.state.steps.map((s) => s.id)} title={c.workflow.title} idPrefix="case" />
            </section>
          </Area>

          <PartiesArea caseId={id} data={parties} access={access} confirmation={confirmation?.area === 'parties' ? confirmation : null} />
          <DecisionsSection id={id} me={me} etag={etag} onChanged={refresh} access={access} parties={parties.parties} />
          <GoalsArea caseId={id} parties={parties} access={access} confirmation={confirmation?.area === 'goals' ? confirmation : null} />
          <ResourcesArea caseId={id} parties={parties} access={access} confirmation={confirmation?.area === 'resources' ? confirmation : null} />
          <ActionsArea caseId={id} parties={parties} access={access} confirmation={confirmation?.area === 'action-plan' ? confirmation : null} />
          <DocumentsArea
            caseId={id}
            parties={parties.parties}
            access={access}
            kinds={c.documentKinds}
            version={c.version}
            confirmation={confirmation?.area === 'documents' ? confirmation : null}
          />
          <HistorySection id={id} version={c.version} />
        </div>
      </div>
    </>
  );
}

/** Buttons for the events the person may send that have no gate (and so no task list). */
function EventButtons({ c, events, etag, onDone }: { c: CaseData; events: CaseData['allowedEvents']; etag: string | null; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (type: string, title: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await api.post('/cases/{id}/events', {
        params: { id: c.id },
        body: { type, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        ifMatch: etag,
      });
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
        {events.map((e) => (
          <button type="button" class="secondary" disabled={busy} onClick={() => send(e.type, e.title ?? e.type)}>
            {e.title ?? `${e.type} → ${e.target.title}`}
          </button>
        ))}
      </div>
    </div>
  );
}
