import { useState } from 'preact/hooks';
import { get, type Schema } from '../api';
import type { State, WorkflowFile } from '../definition-types/workflow';
import { date, dateTime, lang, t } from '../i18n';
import { label } from '../labels';
import { Badge, ErrorMessage, Loading, TableScroll, useData } from '../components/common';
import { GoalChart, type Goal } from '../components/goal-chart';
import type { ComponentChildren } from 'preact';

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} class="section">
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

function Loaded<T>({ state, render }: { state: { data: T | null; error: unknown }; render: (data: T) => ComponentChildren }) {
  if (state.error) return <ErrorMessage error={state.error} />;
  if (!state.data) return <Loading />;
  return <>{render(state.data)}</>;
}

export function GoalsSection({ id }: { id: string }) {
  const state = useData(() => get<Goal[]>(`/cases/${id}/goals`), [id]);
  return (
    <Section id="goals" title={t('goals')}>
      <Loaded
        state={state}
        render={(goals) =>
          goals.length === 0 ? (
            <p class="muted">{t('noGoals')}</p>
          ) : (
            goals.map((g, i) => (
              <div class="goal">
                <h3>{g.title}</h3>
                <p>
                  {g.progress.onTrack === null ? (
                    <Badge kind="info">{t('noProgress')}</Badge>
                  ) : g.progress.onTrack ? (
                    <Badge kind="ok">{t('onTrack')}</Badge>
                  ) : (
                    <Badge kind="bad">{t('offTrack')}</Badge>
                  )}{' '}
                  {g.progress.share !== null && t('progressShare', { share: pct(g.progress.share), expected: pct(g.progress.expectedShare) })}
                  {g.indicator.kpi && <span class="muted"> · Kolada {g.indicator.kpi}</span>}
                </p>
                <div class="goal-body">
                  <GoalChart goal={g} idPrefix={`goal-${i}`} />
                  <TableScroll label={g.title}>
                    <table>
                      <caption class="visually-hidden">{t('goalChartTitle', { goal: g.title })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('kind')}</th>
                          <th scope="col">{t('year')}</th>
                          <th scope="col">
                            {t('value')}
                            {g.indicator.unit ? ` (${g.indicator.unit})` : ''}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <th scope="row">■ {t('baseline')}</th>
                          <td>{g.baseline.year ?? '–'}</td>
                          <td>{num(g.baseline.value)}</td>
                        </tr>
                        {[...g.measurements]
                          .sort((a, b) => a.period - b.period)
                          .map((m) => (
                            <tr>
                              <th scope="row">● {t('measurement')}</th>
                              <td>{m.period}</td>
                              <td>{num(m.value)}</td>
                            </tr>
                          ))}
                        <tr>
                          <th scope="row">◇ {t('target')}</th>
                          <td>{g.target.year ?? '–'}</td>
                          <td>{num(g.target.resolvedValue)}</td>
                        </tr>
                      </tbody>
                    </table>
                  </TableScroll>
                </div>
              </div>
            ))
          )
        }
      />
    </Section>
  );
}

export function ResourcesSection({ id }: { id: string }) {
  const state = useData(() => get<Array<Schema<'CommitmentViewDto'>>>(`/cases/${id}/resources`), [id]);
  return (
    <Section id="resources" title={t('resources')}>
      <Loaded
        state={state}
        render={(rows) =>
          rows.length === 0 ? (
            <p class="muted">{t('noResources')}</p>
          ) : (
            <TableScroll label={t('resources')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('party')}</th>
                    <th scope="col">{t('kind')}</th>
                    <th scope="col">{t('amount')}</th>
                    <th scope="col">{t('period')}</th>
                    <th scope="col">{t('description')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <th scope="row">{r.organisation.name}</th>
                      <td>{label('resourceKind', r.kind)}</td>
                      <td>{r.amount !== null ? `${num(r.amount)} ${r.unit ?? ''}` : '–'}</td>
                      <td>{r.periodStart || r.periodEnd ? `${date(r.periodStart)} – ${date(r.periodEnd)}` : '–'}</td>
                      <td>{r.description ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      />
    </Section>
  );
}

export function ActionPlanSection({ id }: { id: string }) {
  const state = useData(() => get<Array<Schema<'ActionViewDto'>>>(`/cases/${id}/actions`), [id]);
  return (
    <Section id="action-plan" title={t('actionPlans')}>
      <Loaded
        state={state}
        render={(rows) =>
          rows.length === 0 ? (
            <p class="muted">{t('noActionsPlanned')}</p>
          ) : (
            <TableScroll label={t('actionPlans')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('action')}</th>
                    <th scope="col">{t('responsible')}</th>
                    <th scope="col">{t('dueDate')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('subgroup')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <tr>
                      <th scope="row">{a.title}</th>
                      <td>{a.responsible?.name ?? '–'}</td>
                      <td>{date(a.dueDate)}</td>
                      <td>{label('actionStatus', a.status)}</td>
                      <td>{a.subgroup.map((s) => s.name).join(', ') || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      />
    </Section>
  );
}

export function DocumentsSection({ id }: { id: string }) {
  const state = useData(() => get<Array<Schema<'DocumentViewDto'>>>(`/cases/${id}/documents`), [id]);
  return (
    <Section id="documents" title={t('documents')}>
      <Loaded
        state={state}
        render={(rows) =>
          rows.length === 0 ? (
            <p class="muted">{t('noDocuments')}</p>
          ) : (
            <TableScroll label={t('documents')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('document')}</th>
                    <th scope="col">{t('kind')}</th>
                    <th scope="col">{t('registry')}</th>
                    <th scope="col">{t('signatures')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr>
                      <th scope="row">
                        {d.link ? (
                          <a href={d.link} rel="noopener noreferrer">
                            {d.title}
                          </a>
                        ) : (
                          d.title
                        )}
                        {d.confidential && (
                          <>
                            {' '}
                            <Badge kind="warn">{t('confidential', { orgs: (d.visibleTo ?? []).map((o) => o.name).join(', ') })}</Badge>
                          </>
                        )}
                      </th>
                      <td>{label('documentKind', d.kind)}</td>
                      <td>{d.registry ? `${d.registry.organisation.name} ${d.registry.registrationNumber ?? ''}` : '–'}</td>
                      <td>{d.signatures.map((s) => `${s.organisation.name} (${date(s.signedOn)})`).join(', ') || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      />
    </Section>
  );
}

const HISTORY_FIRST = 15;

export function HistorySection({ id, version, definition }: { id: string; version: number; definition: WorkflowFile }) {
  const [all, setAll] = useState(false);
  const state = useData(
    () => Promise.all([get<Schema<'VerifyDto'>>(`/cases/${id}/history/verify`), get<Schema<'HistoryDto'>>(`/cases/${id}/history`)]),
    [id, version],
  );
  return (
    <Section id="history" title={t('history')}>
      <Loaded
        state={state}
        render={([verdict, history]) => {
          const events = [...history.events].reverse();
          const shown = all ? events : events.slice(0, HISTORY_FIRST);
          return (
            <>
              <p>
                {verdict.valid ? (
                  <Badge kind="ok">{t('verified', { n: verdict.events })}</Badge>
                ) : verdict.firstBrokenEvent === undefined ? (
                  <Badge kind="bad">{t('notMatching', { reason: verdict.reason ?? '' })}</Badge>
                ) : (
                  <Badge kind="bad">{t('notVerified', { seq: verdict.firstBrokenEvent, reason: verdict.reason ?? '' })}</Badge>
                )}
                {verdict.valid && verdict.note ? <> {verdict.note}</> : null}
              </p>
              <TableScroll label={t('history')}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t('when')}</th>
                      <th scope="col">{t('what')}</th>
                      <th scope="col">{t('who')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((e) => (
                      <tr>
                        <td>{e.seq}</td>
                        <td>{dateTime(e.occurredAt)}</td>
                        <td>
                          {label('historyEvent', e.type)}
                          {describe(e.payload, definition)}
                        </td>
                        <td>
                          {e.actor.kind === 'system' ? 'system' : e.actor.person}
                          {onBehalfOf(e.payload) ? ` ${lang() === 'sv' ? 'för' : 'for'} ${onBehalfOf(e.payload)}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              {!all && events.length > HISTORY_FIRST && (
                <button type="button" class="secondary" onClick={() => setAll(true)}>
                  {t('showAll', { n: events.length })}
                </button>
              )}
            </>
          );
        }}
      />
    </Section>
  );
}

/** The name of the organisation a history event was done for, if it says. */
function onBehalfOf(payload: Record<string, unknown>): string | undefined {
  return (payload.onBehalfOf as { name?: string } | undefined)?.name;
}

/** A property of a JSON value if the value is an object (a payload is typed as an open object). */
function prop(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** What a history event adds to its label: for a step change, the steps by their titles and the comment. */
function describe(payload: Schema<'HistoryEventDto'>['payload'], definition: WorkflowFile): string {
  if (!payload || typeof payload !== 'object') return '';
  const { from, to, event, comment } = payload;
  // A step change stores the engine's states before and after ({value, status}).
  const move = from && to ? `${stepTitles(prop(from, 'value') ?? from, definition)} → ${stepTitles(prop(to, 'value') ?? to, definition)}` : null;
  const bits = [move, prop(event, 'comment') ?? comment].filter((b) => typeof b === 'string' && b);
  return bits.length ? `: ${bits.join('; ')}` : '';
}

/** An XState state value ("goals", or {"decisions": "collecting"} for nested states) as the workflow's step titles. */
function stepTitles(value: unknown, definition: WorkflowFile, states: State['states'] = definition?.states): string {
  const title = (id: string) => states?.[id]?.meta?.title?.[lang()] ?? states?.[id]?.meta?.title?.sv ?? id;
  if (typeof value === 'string') return title(value);
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, unknown>)
    .map(([id, inner]) => {
      const innerText = stepTitles(inner, definition, states?.[id]?.states);
      return innerText ? `${title(id)} (${innerText})` : title(id);
    })
    .join(', ');
}

function pct(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)} %`;
}

function num(v: number | null): string {
  return v === null ? '–' : v.toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'sv-SE');
}
