import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Schema } from '../api';
import { dateTime } from '../i18n';
import { label } from '../labels';
import type { FormApi } from './use-form';
import { w } from './words';

/** One thing the person edits that someone else has changed: what is saved now against what they typed. */
export interface Difference {
  label: string;
  now: string;
  yours: string;
}

/**
 * The answer to a 409 (If-Match: the case changed while the person worked): says so in words,
 * lists what happened in the case since the version the form was read at (from the history), and
 * offers to load the case again. Loading again never touches what the person typed: the form's
 * values are its own (useForm reads `initial` once). After loading, `differences` (what the page
 * computes from the fresh data against the typed values) shows where the two part.
 */
export function ConflictNotice({ form, caseId, onReload, differences = [] }: { form: Pick<FormApi<object>, 'conflict' | 'conflictReloaded' | 'failures'>; caseId: string; onReload: () => Promise<void>; differences?: Difference[] }) {
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
      form.conflictReloaded();
      box.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  const changed = differences.filter((d) => d.now !== d.yours);
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
                {label('historyEvent', e.type)} <span class="muted">({dateTime(e.occurredAt)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {conflict.reloaded && changed.length > 0 && (
        <dl class="summary-list compact">
          {changed.map((d) => (
            <div class="summary-row">
              <dt>{d.label}</dt>
              <dd>
                <span class="conflict-now">
                  {w('conflictNow')}: {d.now}
                </span>
                <br />
                <span>
                  {w('conflictYours')}: {d.yours}
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {!conflict.reloaded && (
        <button type="button" class="secondary" disabled={busy} onClick={reload}>
          {w('conflictReload')}
        </button>
      )}
    </div>
  );
}
