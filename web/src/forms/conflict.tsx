import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schema } from '../api';
import { dateTime } from '../i18n';
import type { FormApi } from './use-form';
import { w } from './words';

/**
 * One thing someone else has changed: what is saved now, and what the person typed there when they
 * changed it too (no `yours`: the form took the saved value in, as the person had not touched it).
 */
export interface Difference {
  label: string;
  now: string;
  yours?: string;
}

/**
 * The answer to a 409 (If-Match: the case changed while the person worked): says so in words,
 * lists what happened in the case since the version the form was read at (the history's summaries:
 * who did what, and what they changed, in words), and
 * offers to load the case again. Loading again never touches what the person typed: the form's
 * values are its own (useForm reads `initial` once); a page that calls `form.rebase(saved)` in
 * `onReload` lets the fields the person did not touch take the values saved now. After loading,
 * `differences` (see conflictDifferences) shows what someone else changed.
 */
export function ConflictNotice({
  form,
  caseId,
  onReload,
  differences = [],
}: {
  form: Pick<FormApi<object>, 'conflict' | 'conflictReloaded' | 'failures'>;
  caseId: string;
  onReload: () => Promise<unknown>;
  differences?: Difference[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const [events, setEvents] = useState<Array<Schema<'HistoryEventDto'>> | null>(null);
  const [busy, setBusy] = useState(false);
  const conflict = form.conflict;
  useEffect(() => {
    if (!conflict || conflict.reloaded) return;
    box.current?.focus();
    setEvents(null);
    api.read('/cases/{id}/history', { params: { id: caseId } }).then(
      (history) => setEvents(history.events.filter((e) => conflict.since === null || e.seq > conflict.since)),
      () => setEvents([]),
    );
  }, [form.failures]);
  if (!conflict) return null;
  const reload = async () => {
    setBusy(true);
    try {
      await onReload();
      // The page may have rebased the form already (form.rebase); either way the notice says it is loaded.
      form.conflictReloaded();
      box.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  const changed = differences.filter((d) => d.now !== d.yours);
  const taken = changed.filter((d) => d.yours === undefined);
  const both = changed.filter((d) => d.yours !== undefined);
  return (
    <div class="conflict" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={box}>
      <h2 id="conflict-title" class="conflict-title">
        {w('conflictTitle')}
      </h2>
      {conflict.reloaded ? <p>{w('conflictReloaded')}</p> : <p>{w('conflictText')}</p>}
      {events && events.length > 0 && (
        <>
          <p>{w('conflictChanges')}</p>
          <ul>
            {events.map((e) => (
              <li>
                <strong>{e.summary.what}</strong>: {e.summary.text} <span class="muted">({dateTime(e.occurredAt)})</span>
                {e.summary.changes.length > 0 && (
                  <ul>
                    {e.summary.changes.map((c) => (
                      <li>{changeText(c)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {conflict.reloaded && taken.length > 0 && (
        <>
          <p>{w('conflictTaken')}</p>
          <dl class="summary-list compact">
            {taken.map((d) => (
              <div class="summary-row">
                <dt class="summary-key">{d.label}</dt>
                <dd class="summary-value">{d.now}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {conflict.reloaded && both.length > 0 && (
        <>
          <p>{w('conflictBoth')}</p>
          <dl class="summary-list compact">
            {both.map((d) => (
              <div class="summary-row">
                <dt class="summary-key">{d.label}</dt>
                <dd class="summary-value">
                  <span class="block">
                    {w('conflictNow')}: {d.now}
                  </span>
                  <span class="block conflict-yours">
                    {w('conflictYours')}: {d.yours}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {!conflict.reloaded && (
        <button type="button" class="secondary" disabled={busy} onClick={reload}>
          {w('conflictReload')}
        </button>
      )}
    </div>
  );
}

/** A changed property in words: "Arena (forum): Regionalt forum → Samverkansforum". */
export function changeText(c: Schema<'ChangeInWordsDto'>): string {
  if (c.from === null) return `${c.label}: ${c.to ?? '–'}`;
  if (c.to === null) return `${c.label}: ${c.from} → –`;
  return `${c.label}: ${c.from} → ${c.to}`;
}
