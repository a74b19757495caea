import { useState } from 'preact/hooks';
import { get, type Schema } from '../api';
import { dateTime, t } from '../i18n';
import { changeText } from '../forms';
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

/**
 * Historik: each event as the service words it (`summary`): who (name and organisation), what, and
 * only the properties that changed, in words; above it, whether the hash chain verifies.
 */
export function HistorySection({ id, version }: { id: string; version: number }) {
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
                      <th scope="col">{t('who')}</th>
                      <th scope="col">{t('what')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((e) => (
                      <tr>
                        <td>{e.seq}</td>
                        <td>{dateTime(e.occurredAt)}</td>
                        <td>{e.summary.who}</td>
                        <td>
                          <strong>{e.summary.what}</strong>
                          {/* The sentence names what it was about (which party, role, document); the list what changed. */}
                          <p class="history-text">{e.summary.text}</p>
                          {e.summary.changes.length > 0 && (
                            <ul class="history-changes">
                              {e.summary.changes.map((c) => (
                                <li>{changeText(c)}</li>
                              ))}
                            </ul>
                          )}
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
