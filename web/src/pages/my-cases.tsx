import { NewCaseButton } from './new-case/start';
import { useState } from 'preact/hooks';
import { get, type PublishedWorkflow, type Schema } from '../api';
import { date, t } from '../i18n';
import { href } from '../router';
import { Badge, deadlineText, deadlineTime, dueText, ErrorMessage, Loading, useData } from '../components/common';

interface Filters {
  q: string;
  workflow: string;
  state: string;
  stalled: boolean;
}

export function MyCasesPage() {
  const [filters, setFilters] = useState<Filters>({ q: '', workflow: '', state: '', stalled: false });
  const [draft, setDraft] = useState<Filters>(filters);
  const workflows = useData(() => get<Array<Schema<'WorkflowVersionDto'>>>('/workflows'));
  const cases = useData(() => {
    const qs = new URLSearchParams();
    if (filters.q) qs.set('q', filters.q);
    if (filters.workflow) qs.set('workflow', filters.workflow);
    if (filters.state) qs.set('state', filters.state);
    if (filters.stalled) qs.set('stalled', 'true');
    return get<Schema<'MyCasesDto'>>(`/me/cases?${qs}`);
  }, [filters]);
  const steps = useData(async () => {
    if (!draft.workflow) return [] as Array<{ id: string; title: string }>;
    const list = workflows.data?.filter((w) => w.id === draft.workflow) ?? [];
    const latest = list.sort((a, b) => b.version - a.version)[0];
    if (!latest) return [];
    const def = (await get<PublishedWorkflow>(`/workflows/${latest.id}/versions/${latest.version}`)).definition;
    const l = document.documentElement.lang;
    return Object.entries(def.states).map(([id, s]) => ({ id, title: (l === 'sv' || l === 'en' ? s.meta?.title?.[l] : undefined) ?? s.meta?.title?.sv ?? id }));
  }, [draft.workflow, workflows.data]);
  const workflowIds = [...new Set((workflows.data ?? []).map((w) => w.id))];
  const set = (patch: Partial<Filters>) => setDraft({ ...draft, ...patch });

  return (
    <>
      <h1 tabIndex={-1}>{t('casesTitle')}</h1>
      <NewCaseButton />
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role search, as browsers and screen readers without the <search> element know it */}
      <form
        class="filters"
        role="search"
        aria-label={t('filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <div class="field">
          <label for="q">{t('search')}</label>
          <input id="q" type="search" value={draft.q} onInput={(e) => set({ q: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="wf">{t('workflow')}</label>
          <select id="wf" value={draft.workflow} onChange={(e) => set({ workflow: (e.target as HTMLSelectElement).value, state: '' })}>
            <option value="">{t('any')}</option>
            {workflowIds.map((id) => (
              <option value={id}>{workflows.data!.find((w) => w.id === id)!.title}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="st">{t('step')}</label>
          <select id="st" value={draft.state} disabled={!draft.workflow} onChange={(e) => set({ state: (e.target as HTMLSelectElement).value })}>
            <option value="">{t('any')}</option>
            {(steps.data ?? []).map((s) => (
              <option value={s.id}>{s.title}</option>
            ))}
          </select>
        </div>
        <div class="field check">
          <input id="stalled" type="checkbox" checked={draft.stalled} onChange={(e) => set({ stalled: (e.target as HTMLInputElement).checked })} />
          <label for="stalled">{t('onlyStalled')}</label>
        </div>
        <div class="field">
          <button type="submit">{t('applyFilters')}</button>
        </div>
      </form>
      {cases.error ? <ErrorMessage error={cases.error} /> : null}
      {!cases.data && !cases.error && <Loading />}
      {cases.data && (
        <>
          <p role="status" class="muted">
            {cases.data.items.length === 1 ? t('casesCountOne') : t('casesCount', { n: cases.data.items.length })}
          </p>
          {cases.data.items.length === 0 && <p>{t('noCases')}</p>}
          <ul class="cards">
            {cases.data.items.map((c) => {
              // The status in words and symbol, and the card's stripe in the same colour: late, escalated before the deadline (a reminder), closed, in time.
              const escalation = c.escalation ? (c.escalation.title ?? c.escalation.level) : null;
              const status: { kind: 'ok' | 'warn' | 'bad' | 'info'; text: string } =
                c.status === 'closed'
                  ? { kind: 'info', text: t('closed') }
                  : c.stalled
                    ? { kind: 'bad', text: t('stalled') }
                    : escalation
                      ? { kind: 'warn', text: t('escalatedTo', { level: escalation }) }
                      : { kind: 'ok', text: t('onTime') };
              return (
                <li class={`card card-${status.kind}`}>
                  <h2>
                    <a href={href(`/cases/${c.id}`)}>{c.title}</a>
                  </h2>
                  <p class="card-status">
                    <Badge kind={status.kind}>{status.text}</Badge>
                  </p>
                  <dl class="facts">
                    <dt>{t('workflow')}</dt>
                    <dd>{c.workflow.title}</dd>
                    <dt>{t('step')}</dt>
                    <dd>{c.steps.map((s) => s.title).join(' › ') || '–'}</dd>
                    <dt>{t('deadline')}</dt>
                    <dd>{c.deadline ? deadlineWithDate(c.deadline) : t('noDeadline')}</dd>
                    {c.escalation && escalation && (
                      <>
                        <dt>{t('escalationFact')}</dt>
                        <dd>
                          {t(c.escalation.status === 'open' ? 'escalationOpen' : 'escalationAcknowledged', {
                            level: escalation,
                            date: date(c.escalation.firedAt),
                          })}
                        </dd>
                      </>
                    )}
                    <dt>{t('owes')}</dt>
                    <dd>
                      {c.owed.length === 0 ? (
                        t('owesNothing')
                      ) : (
                        <ul class="owed">
                          {c.owed.map((o) => (
                            <li>{o.message}</li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

/** The deadline in words and its date: "3 arbetsdagar kvar (senast 3 mars 2027)"; on the last day of an SLA in hours the hour says it all ("Senast kl. 15.00 i dag"). */
function deadlineWithDate(d: Schema<'NextDeadlineDto'>): string {
  const text = deadlineText(d.workingDaysLeft, d);
  return d.workingDaysLeft === 0 && !d.overdue && deadlineTime(d.dueAt) ? text : `${text} (${dueText(d)})`;
}
