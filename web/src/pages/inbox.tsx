import { useState } from 'preact/hooks';
import { ApiError, call, get, type Schema } from '../api';
import { date, dateTime, t } from '../i18n';
import { label } from '../labels';
import { href } from '../router';
import { Badge, deadlineText, deadlineTime, ErrorMessage, Loading, useData } from '../components/common';

type Escalation = Schema<'EscalationDto'>;

interface Row {
  escalation: Escalation;
  /** Working days left on the step's deadline now (negative: late), when the case is still in that step. */
  workingDaysLeft: number | null;
  /** The step's deadline has passed (also when by less than a working day). */
  overdue: boolean;
  /** The gate explanation: what is missing before the case can move on. */
  why: string[];
}

/** The escalations inbox: what is late, how late, why (the gate explanation), and acknowledge. */
export function InboxPage() {
  const [status, setStatus] = useState<'open' | ''>('open');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const rows = useData(async () => {
    const list = await get<Escalation[]>(`/me/escalations${status ? `?status=${status}` : ''}`);
    return Promise.all(
      list.map(async (e): Promise<Row> => {
        try {
          const [c, gates] = await Promise.all([get<Schema<'CaseDto'>>(`/cases/${e.case.id}`), get<Schema<'CaseGatesDto'>>(`/cases/${e.case.id}/gates`)]);
          const deadline = c.deadlines.find((d) => d.step.id === e.step.id);
          return {
            escalation: e,
            workingDaysLeft: deadline ? deadline.workingDaysLeft : null,
            overdue: deadline?.overdue ?? false,
            why: gates.gates.flatMap((g) => g.failures.map((f) => f.message)),
          };
        } catch {
          return { escalation: e, workingDaysLeft: null, overdue: false, why: [] };
        }
      }),
    );
  }, [status]);

  const acknowledge = async (e: Escalation, comment: string) => {
    setMessage(null);
    try {
      await call('POST', `/escalations/${e.id}/ack`, comment.trim() ? { comment: comment.trim() } : {});
      setMessage({ kind: 'ok', text: t('ackDone') });
      rows.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: t('error', { message: err instanceof ApiError ? err.message : String(err) }) });
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('inboxTitle')}</h1>
      <p>{t('inboxIntro')}</p>
      <fieldset class="inline-choice">
        <legend>{t('statusFilter')}</legend>
        <label>
          <input type="radio" name="inbox-status" checked={status === 'open'} onChange={() => setStatus('open')} /> {t('statusOpen')}
        </label>
        <label>
          <input type="radio" name="inbox-status" checked={status === ''} onChange={() => setStatus('')} /> {t('statusAll')}
        </label>
      </fieldset>
      <div role="status" aria-live="polite">
        {message && <p class={`notice ${message.kind === 'ok' ? 'ok' : 'error'}`}>{message.text}</p>}
      </div>
      {rows.error ? <ErrorMessage error={rows.error} /> : null}
      {!rows.data && !rows.error && <Loading />}
      {rows.data?.length === 0 && <p>{t('noEscalations')}</p>}
      <ul class="cards">
        {rows.data?.map((r) => (
          <EscalationCard row={r} onAcknowledge={acknowledge} />
        ))}
      </ul>
    </>
  );
}

function EscalationCard({ row, onAcknowledge }: { row: Row; onAcknowledge: (e: Escalation, comment: string) => void }) {
  const [comment, setComment] = useState('');
  const e = row.escalation;
  // The badge and the card's stripe agree: fired and waiting is red, acknowledged (the case still in the step) amber, closed or cancelled neutral.
  const kind = e.status === 'open' ? 'bad' : e.status === 'acknowledged' ? 'warn' : 'info';
  const inputId = `ack-${e.id}`;
  return (
    <li class={`card card-${kind}`}>
      <h2>
        <a href={href(`/cases/${e.case.id}`)}>{e.case.title}</a>
      </h2>
      <p class="card-status">
        <Badge kind={kind}>{label('escalationStatus', e.status)}</Badge>
      </p>
      <dl class="facts">
        <dt>{t('level')}</dt>
        <dd>{e.title ?? String(e.rung + 1)}</dd>
        <dt>{t('step')}</dt>
        <dd>{e.step.title}</dd>
        <dt>{t('deadline')}</dt>
        <dd>
          {deadlineTime(e.deadline.dueAt) ? t('dateAt', { date: date(e.deadline.dueOn), time: deadlineTime(e.deadline.dueAt)! }) : date(e.deadline.dueOn)}
        </dd>
        <dt>{t('late')}</dt>
        <dd>{row.workingDaysLeft === null ? '–' : deadlineText(row.workingDaysLeft, { ...e.deadline, overdue: row.overdue })}</dd>
        <dt>{t('why')}</dt>
        <dd>
          {row.why.length ? (
            <ul class="owed">
              {row.why.map((w) => (
                <li>{w}</li>
              ))}
            </ul>
          ) : (
            '–'
          )}
        </dd>
        {e.firedAt && (
          <>
            <dt>{t('status')}</dt>
            <dd>
              {t('fired', { date: dateTime(e.firedAt) })}
              {e.acknowledged && <>; {t('acknowledged', { date: dateTime(e.acknowledged.at) })}</>}
            </dd>
          </>
        )}
      </dl>
      {e.status === 'open' && (
        <form
          class="ack-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            onAcknowledge(e, comment);
          }}
        >
          <div class="field">
            <label for={inputId}>{t('comment')}</label>
            <input id={inputId} type="text" value={comment} onInput={(ev) => setComment((ev.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" aria-label={t('acknowledgeFor', { title: e.case.title })}>
            {t('acknowledge')}
          </button>
        </form>
      )}
    </li>
  );
}
