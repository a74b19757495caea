import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, get, type Schema } from '../api';
import { t } from '../i18n';
import { useLocation } from '../router';
import { label, RECORDED_STATUSES } from '../labels';
import type { Me } from '../main';
import { ErrorMessage, Loading, useData } from '../components/common';
import { WordDiff } from '../components/word-diff';
import type { CaseAccess } from '../access';
import { ChangePointLink, DecisionPointActions, NoDecisionPoints } from './decision-points/area';
import { DecisionMatrix } from './decision-points/matrix';

type DecisionPoint = Schema<'DecisionPointDto'>;
type BoardLine = DecisionPoint['boards'][number];

/** Board decisions: per decision point a matrix board × status with the dates, the word diffs, and the form. */
export function DecisionsSection({
  id,
  me,
  etag,
  onChanged,
  access,
  parties,
}: {
  id: string;
  me: Me | null;
  etag: string | null;
  onChanged: () => void;
  access: CaseAccess;
  parties: ReadonlyArray<Schema<'PartyViewDto'>>;
}) {
  const points = useData(async () => {
    const list = await get<Array<Schema<'DecisionPointSummaryDto'>>>(`/cases/${id}/decision-points`);
    return Promise.all(list.map((p) => get<DecisionPoint>(`/cases/${id}/decision-points/${encodeURIComponent(p.key)}`)));
  }, [id, etag]);
  return (
    <section id="decisions" aria-labelledby="decisions-h" class="section">
      <h2 id="decisions-h">{t('decisions')}</h2>
      {points.error ? <ErrorMessage error={points.error} /> : null}
      {!points.data && !points.error && <Loading />}
      <DecisionPointActions caseId={id} access={access} parties={parties} />
      {points.data?.length === 0 && <NoDecisionPoints />}
      {points.data?.map((p) => (
        <div class="decision-point">
          <h3>
            {t('decisionPoint')}: {p.title}
          </h3>
          <p>{t('decisionSummary', p.summary)}</p>
          <details>
            <summary>{t('referenceText')}</summary>
            <p class="reference-text">{p.referenceText}</p>
          </details>
          <DecisionMatrix point={p} />
          <ChangePointLink caseId={id} access={access} point={p} />
          {p.boards
            .filter((b) => b.text && !b.text.identical)
            .map((b) => (
              <WordDiff parts={b.text!.diff} board={b.board.label} wordByWord={b.text!.wordByWord} />
            ))}
          <RecordDecisionForm caseId={id} point={p} me={me} etag={etag} onSaved={onChanged} />
        </div>
      ))}
    </section>
  );
}

function RecordDecisionForm({
  caseId,
  point,
  me,
  etag,
  onSaved,
}: {
  caseId: string;
  point: DecisionPoint;
  me: Me | null;
  etag: string | null;
  onSaved: () => void;
}) {
  const own = point.boards.filter((b) => b.organisation.id === me?.organisation.id);
  const initial = (b: BoardLine | undefined) => ({
    board: b?.board.id ?? '',
    status: (b?.decision?.recordedStatus ?? 'announced') as string,
    text: b?.decision?.text ?? point.referenceText,
    meetingDate: b?.decision?.meetingDate ?? '',
    minutesParagraph: b?.decision?.minutesParagraph ?? '',
    minutesApprovedDate: b?.decision?.minutesApprovedDate ?? '',
    announcedDate: b?.decision?.announcedDate ?? '',
    correction: '',
  });
  // A task's link (`?board=<id>#rec-<key>`) chooses the board its decision is for, also when it is
  // followed from this page (the form is drawn already).
  const asked = new URLSearchParams(useLocation().search).get('board');
  const [form, setForm] = useState(initial(own.find((b) => b.board.id === asked) ?? own[0]));
  useEffect(() => {
    const board = own.find((b) => b.board.id === asked);
    if (board) setForm(initial(board));
  }, [asked]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const prefix = `rec-${point.key}`;
  if (!own.length) {
    return (
      <>
        <h4>{t('recordDecision')}</h4>
        <p class="muted">{t('noOwnBoards')}</p>
      </>
    );
  }
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  // A decision that has become final (laga kraft) is not changed; only a wrong registration is
  // corrected, and the service wants to know why (it is shown in the history).
  const isFinal = own.find((b) => b.board.id === form.board)?.status === 'final';
  const submit = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    const blank = (v: string) => (v.trim() ? v.trim() : null);
    try {
      await call(
        'PUT',
        `/cases/${caseId}/decision-points/${encodeURIComponent(point.key)}/decisions/${form.board}`,
        {
          status: form.status,
          text: blank(form.text),
          meetingDate: blank(form.meetingDate),
          minutesParagraph: blank(form.minutesParagraph),
          minutesApprovedDate: blank(form.minutesApprovedDate),
          announcedDate: blank(form.announcedDate),
          ...(isFinal && form.correction.trim() ? { correction: form.correction.trim() } : {}),
        },
        etag ? { 'if-match': etag } : {},
      );
      setMessage({ kind: 'ok', text: t('saved', { board: own.find((b) => b.board.id === form.board)?.board.label ?? '' }) });
      onSaved();
    } catch (err) {
      const details =
        err instanceof ApiError && Array.isArray(err.body?.errors) ? ` (${err.body.errors.map((x) => `${x.path}: ${x.message}`).join('; ')})` : '';
      setMessage({ kind: 'error', text: t('error', { message: (err as Error).message + details }) });
    }
  };
  return (
    <form id={prefix} class="record-form stack" onSubmit={submit} aria-labelledby={`${prefix}-h`}>
      <h4 id={`${prefix}-h`}>{t('recordDecision')}</h4>
      <p class="help">{t('recordHelp')}</p>
      <div role="status" aria-live="polite">
        {message && <p class={`notice ${message.kind === 'ok' ? 'ok' : 'error'}`}>{message.text}</p>}
      </div>
      <div class="form-grid">
        <div class="field">
          <label for={`${prefix}-board`}>{t('board')}</label>
          <select
            id={`${prefix}-board`}
            value={form.board}
            onChange={(e) => setForm(initial(own.find((b) => b.board.id === (e.target as HTMLSelectElement).value)))}
          >
            {own.map((b) => (
              <option value={b.board.id}>{b.board.label}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${prefix}-status`}>{t('status')}</label>
          <select id={`${prefix}-status`} value={form.status} onChange={(e) => set({ status: (e.target as HTMLSelectElement).value })}>
            {RECORDED_STATUSES.map((s) => (
              <option value={s}>{label('decisionStatus', s)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${prefix}-meeting`}>{t('meetingDate')}</label>
          <input id={`${prefix}-meeting`} type="date" value={form.meetingDate} onInput={(e) => set({ meetingDate: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for={`${prefix}-paragraph`}>{t('paragraph')}</label>
          <input
            id={`${prefix}-paragraph`}
            type="text"
            value={form.minutesParagraph}
            onInput={(e) => set({ minutesParagraph: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for={`${prefix}-approved`}>{t('minutesApproved')}</label>
          <input
            id={`${prefix}-approved`}
            type="date"
            value={form.minutesApprovedDate}
            onInput={(e) => set({ minutesApprovedDate: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for={`${prefix}-announced`}>{t('announced')}</label>
          <input
            id={`${prefix}-announced`}
            type="date"
            value={form.announcedDate}
            onInput={(e) => set({ announcedDate: (e.target as HTMLInputElement).value })}
          />
        </div>
      </div>
      <div class="field">
        <label for={`${prefix}-text`}>{t('text')}</label>
        <textarea id={`${prefix}-text`} rows={6} value={form.text} onInput={(e) => set({ text: (e.target as HTMLTextAreaElement).value })} />
      </div>
      {isFinal && (
        <div class="field">
          <label for={`${prefix}-correction`}>{t('correction')}</label>
          <p class="help" id={`${prefix}-correction-help`}>
            {t('correctionHelp')}
          </p>
          <input
            id={`${prefix}-correction`}
            type="text"
            aria-describedby={`${prefix}-correction-help`}
            value={form.correction}
            onInput={(e) => set({ correction: (e.target as HTMLInputElement).value })}
          />
        </div>
      )}
      <div>
        <button type="submit">{t('save')}</button>
      </div>
    </form>
  );
}
