import { useState } from 'preact/hooks';
import { get, type Schema } from '../api';
import type { State, WorkflowFile } from '../definition-types/workflow';
import { dateTime, lang, t } from '../i18n';
import { label } from '../labels';
import { Badge, ErrorMessage, Loading, TableScroll, useData } from '../components/common';
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
