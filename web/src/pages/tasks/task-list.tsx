import './tasks.css';
import { useState } from 'preact/hooks';
import type { CaseAccess } from '../../access';
import { ApiError, api, type Schema } from '../../api';
import type { WorkflowFile } from '../../definition-types/workflow';
import { lang } from '../../i18n';
import { canDo, type CaseTask, taskHref } from './links';
import { ROLE_WORDS, w } from './words';

type CaseData = Schema<'CaseDto'>;
type Gate = Schema<'GateStatusDto'>;
type Role = Schema<'RoleViewDto'>;
type Party = Schema<'PartyViewDto'>;

/** A task's status as a tag: words and a symbol, in colours that agree with the words. */
const TAGS: Record<CaseTask['status'], { symbol: string; tone: string }> = {
  notStarted: { symbol: '○', tone: 'grey' },
  inProgress: { symbol: '◐', tone: 'blue' },
  waitingForOthers: { symbol: '…', tone: 'yellow' },
  done: { symbol: '✓', tone: 'green' },
};

/** "3 mars 2027" (Swedish dates in words), and the time ("14.00") when asked for. */
function inWords(value: string, withTime = false): { date: string; time: string } {
  const locale = lang() === 'sv' ? 'sv-SE' : 'en-GB';
  const d = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  return {
    date: d.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }),
    time: withTime ? d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }) : '',
  };
}

/**
 * The tasks a person sees: one row per thing to do. Two conditions can ask for the same thing (a
 * board's missing decision is also one not yet final; "decides" and "at least two decide"): the
 * same title, status and owers are shown once.
 */
function distinct(tasks: readonly CaseTask[]): CaseTask[] {
  const seen = new Set<string>();
  return tasks.filter((t) => {
    const key = `${t.title}|${t.status}|${t.owedBy.map((o) => o.id).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Quotation marks as Swedish text has them: "Arena (forum)" → ”Arena (forum)”. */
const quoted = (text: string) => (lang() === 'sv' ? text.replace(/"([^"]*)"/g, '”$1”') : text.replace(/"([^"]*)"/g, '“$1”'));

/** An event's title as the end of a sentence: "Avsluta samverkan" → "avsluta samverkan". */
const asVerb = (title: string) => title.charAt(0).toLocaleLowerCase('sv-SE') + title.slice(1);

/** Names joined in words: "A, B och C". */
function joined(names: string[], last: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;
}

/**
 * Who may send an event, in words, by the service's rule (src/access/policy.ts, `holdsWorkflowRole`):
 * each role the workflow names for it (`meta.roles`, the step's own first) held by someone for a
 * party it counts for — a leading party, unless the entry says `@decides`, `@any`, … — or, for the
 * process owner, the case's own: "styrgruppen för Region Kronoberg". Null when the workflow names
 * no roles; empty when nobody on the case holds one.
 */
function whoMay(event: string, definition: WorkflowFile, stepIds: readonly string[], roles: readonly Role[], parties: readonly Party[]): string | null {
  const fromStep = stepIds.map((s) => definition.states[s]?.meta?.roles?.[event]).find((r) => r);
  const wanted = fromStep ?? definition.meta?.roles?.[event];
  if (!wanted) return null;
  const l = lang();
  const counts = (organisationId: string, party: string | null) => {
    if (party === 'any') return true;
    const p = parties.find((x) => x.organisation.id === organisationId);
    return !!p && (p.responsibilities as readonly string[]).includes(party ?? 'leads');
  };
  const names = wanted.flatMap((entry) => {
    const [role = entry, party = null] = entry.split('@') as [string, string?];
    const word = ROLE_WORDS[role]?.[l][0] ?? role;
    const held = roles.filter((r) => r.role === role && r.holder && (role === 'processOwner' && party === null ? true : counts(r.organisation.id, party)));
    const orgs = [...new Set(held.map((r) => r.organisation.name ?? ''))].filter(Boolean);
    return orgs.map((org) => w('for', { role: word, org }));
  });
  return joined([...new Set(names)], w('or'));
}

/** A sentence's first letter in upper case. */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);

/** The roles an event needs, in words ("styrgrupp"), for when nobody on the case holds them. */
function rolesNeeded(event: string, definition: WorkflowFile): string {
  const l = lang();
  return joined(
    (definition.meta?.roles?.[event] ?? []).map((r) => ROLE_WORDS[r]?.[l][1] ?? r),
    w('or'),
  );
}

/**
 * The gate of the next step as a GOV.UK task list: each condition a row with what to do (a link to
 * exactly the form that does it, when the signed-in person can), its status in words and a symbol,
 * who owes it and by when. Under it the step itself: one primary button when every task is done and
 * the person may take it; otherwise, in words, what is left or who may.
 */
export function GateTaskList({
  c,
  gates,
  access,
  roles,
  parties,
  definition,
  etag,
  onDone,
}: {
  c: CaseData;
  gates: Schema<'CaseGatesDto'>;
  access: CaseAccess;
  roles: readonly Role[];
  parties: readonly Party[];
  definition: WorkflowFile;
  etag: string | null;
  onDone: () => void;
}) {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // One primary action per screen: the first gate that is met and that the person may take.
  const allowed = new Set(c.allowedEvents.map((e) => e.type));
  const primary = gates.gates.find((g) => g.passed && allowed.has(g.event))?.event;
  return (
    <section id="gate" aria-labelledby="gate-h" class="subsection">
      <h3 id="gate-h">{w('heading')}</h3>
      <div role="status" aria-live="polite">
        {message && <p class={`notice ${message.kind === 'ok' ? 'ok' : 'error'}`}>{message.text}</p>}
      </div>
      {gates.gates.length === 0 && <p>{w('noGates')}</p>}
      {gates.gates.map((g, i) => (
        <GateBlock
          key={g.event}
          index={i}
          several={gates.gates.length > 1}
          gate={g}
          c={c}
          access={access}
          roles={roles}
          parties={parties}
          definition={definition}
          etag={etag}
          primary={g.event === primary}
          allowed={allowed.has(g.event)}
          onMessage={setMessage}
          onDone={onDone}
        />
      ))}
    </section>
  );
}

function GateBlock({
  index,
  several,
  gate,
  c,
  access,
  roles,
  parties,
  definition,
  etag,
  primary,
  allowed,
  onMessage,
  onDone,
}: {
  index: number;
  several: boolean;
  gate: Gate;
  c: CaseData;
  access: CaseAccess;
  roles: readonly Role[];
  parties: readonly Party[];
  definition: WorkflowFile;
  etag: string | null;
  primary: boolean;
  allowed: boolean;
  onMessage: (m: { kind: 'ok' | 'error'; text: string } | null) => void;
  onDone: () => void;
}) {
  const title = gate.title ?? gate.target.title;
  const event = asVerb(title);
  const tasks = distinct(gate.tasks);
  const done = tasks.filter((t) => t.status === 'done').length;
  const id = `gate-${index}`;
  const hours = c.deadlines.find((d) => d.sla.hours !== undefined);
  return (
    <div class="gate task-gate">
      {several && <h4 id={`${id}-h`}>{w('gateHeading', { event })}</h4>}
      {tasks.length > 0 && (
        <>
          <p class="task-progress">{tasks.length === 1 ? w('progressOne', { done }) : w('progress', { done, n: tasks.length })}</p>
          <ul class="task-list" aria-labelledby={several ? `${id}-h` : 'gate-h'}>
            {tasks.map((t, i) => (
              <TaskRow key={`${t.rule}-${i}`} id={`${id}-t${i}`} task={t} caseId={c.id} access={access} hours={hours} />
            ))}
          </ul>
        </>
      )}
      <StepAction
        gate={gate}
        c={c}
        event={event}
        title={title}
        roles={roles}
        parties={parties}
        definition={definition}
        etag={etag}
        primary={primary}
        allowed={allowed}
        onMessage={onMessage}
        onDone={onDone}
      />
    </div>
  );
}

function TaskRow({
  id,
  task,
  caseId,
  access,
  hours,
}: {
  id: string;
  task: CaseTask;
  caseId: string;
  access: CaseAccess;
  hours: Schema<'DeadlineDto'> | undefined;
}) {
  const tag = TAGS[task.status];
  const href = canDo(task, access) ? taskHref(caseId, task) : null;
  const who = task.owedBy.map((o) => o.name ?? '').filter(Boolean);
  const whoText = joined(who, w('or'));
  const due = task.dueOn && task.status !== 'done' ? dueText(task.dueOn, hours) : null;
  const board = task.kind === 'recordDecision' && task.fact === 'decisionTextDifferences' ? task.board : undefined;
  return (
    <li class="task">
      <div class="task-name">
        {href ? (
          <a href={href} aria-describedby={`${id}-status`}>
            {quoted(task.title)}
          </a>
        ) : (
          <span>{quoted(task.title)}</span>
        )}
        {board && (board.missingWords || board.extraWords) && (
          <p class="task-hint">
            {board.missingWords && board.extraWords
              ? w('differs', { missing: board.missingWords, extra: board.extraWords })
              : board.missingWords
                ? w('differsMissing', { missing: board.missingWords })
                : w('differsExtra', { extra: board.extraWords ?? '' })}{' '}
            {board.words ? w('atWords', { words: board.words }) : ''}
          </p>
        )}
        {task.status !== 'done' && (whoText || due) && (
          <p class="task-hint">
            {whoText && (task.mine ? w('owedByMe', { who: whoText }) : w('waitingFor', { who: whoText }))}
            {whoText && due ? ', ' : ''}
            {due}
            {task.mine && !href && task.kind !== 'other' && task.status !== 'waitingForOthers' && task.responsibleTitle && (
              <> {w('doneBy', { role: task.responsibleTitle.toLocaleLowerCase('sv-SE'), who: whoText })}</>
            )}
          </p>
        )}
      </div>
      <strong id={`${id}-status`} class={`task-tag task-tag-${tag.tone}`}>
        <span aria-hidden="true">{tag.symbol} </span>
        {task.statusText}
      </strong>
    </li>
  );
}

/** "senast 3 mars 2027", with the time when the step's SLA is in hours. */
function dueText(dueOn: string, hours: Schema<'DeadlineDto'> | undefined): string {
  if (hours && hours.dueOn === dueOn) {
    const { date, time } = inWords(hours.dueAt, true);
    return w('byWhenTime', { date, time });
  }
  return w('byWhen', { date: inWords(dueOn).date });
}

/**
 * The step under its task list: the primary button when the gate is met and the person may take it
 * (with a comment, required when a guard asks for one); else what is left, or who may, in words.
 */
function StepAction({
  gate,
  c,
  event,
  title,
  roles,
  parties,
  definition,
  etag,
  primary,
  allowed,
  onMessage,
  onDone,
}: {
  gate: Gate;
  c: CaseData;
  event: string;
  title: string;
  roles: readonly Role[];
  parties: readonly Party[];
  definition: WorkflowFile;
  etag: string | null;
  primary: boolean;
  allowed: boolean;
  onMessage: (m: { kind: 'ok' | 'error'; text: string } | null) => void;
  onDone: () => void;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const commentId = `comment-${gate.event}`;
  const needsComment = gate.tasks.some((t) => t.kind === 'other' && t.fact === null);
  if (!allowed || !gate.passed) {
    if (allowed) return <p class="step-note">{w('notYet', { event })}</p>;
    const who = whoMay(
      gate.event,
      definition,
      c.state.steps.map((s) => s.id),
      roles,
      parties,
    );
    if (who === null) return null;
    if (who === '') return <p class="step-note">{w('nobodyMay', { event, roles: rolesNeeded(gate.event, definition) })}</p>;
    return <p class="step-note">{gate.passed ? sentence(w('whoMay', { who, event })) : w('notYetOthers', { who, event })}</p>;
  }
  const send = async () => {
    setBusy(true);
    onMessage(null);
    try {
      const res = await api.post('/cases/{id}/events', {
        params: { id: c.id },
        body: { type: gate.event, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        ifMatch: etag,
      });
      setComment('');
      onMessage({ kind: 'ok', text: w('sent', { step: res.body.state.steps.map((s) => s.title).join(' › ') }) });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'GATE_BLOCKED') {
        const n = e.body?.failures?.length ?? 0;
        onMessage({ kind: 'error', text: n === 1 ? w('blockedOne') : w('blocked', { n }) });
        onDone();
      } else if (e instanceof ApiError && e.status === 409) {
        onMessage({ kind: 'error', text: w('conflict') });
        onDone();
      } else onMessage({ kind: 'error', text: w('error', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="step-action stack">
      <p>{w('allDone', { event })}</p>
      <div class="field">
        <label for={commentId}>{w('comment')}</label>
        <p class="hint" id={`${commentId}-hint`}>
          {needsComment ? w('commentHintRequired') : w('commentHint')}
        </p>
        <textarea
          id={commentId}
          class="short"
          aria-describedby={`${commentId}-hint`}
          value={comment}
          onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
        />
      </div>
      <div class="actions">
        <button type="button" class={primary ? undefined : 'secondary'} disabled={busy} onClick={send}>
          {title}
        </button>
      </div>
    </div>
  );
}
