import { api, type Me } from '../../api';
import { ErrorMessage, Loading, NotFound, useData, Badge } from '../../components/common';
import { confirmAndGo, FormPage, SummaryList, useForm } from '../../forms';

import { to } from '../../router';
import { rolesText } from '../workflow-admin/step-times';
import { AdminOnly, backToAdmin, Confirmed, FilterSelect, longDateTime, usePeople, type Notification, type Person } from './common';
import { ADMIN_PATHS } from './paths';
import { w } from './words';

type Status = 'failed' | 'pending' | 'sent';
const STATUSES: Status[] = ['failed', 'pending', 'sent'];
const EMPTY: Record<Status, 'noFailed' | 'noPending' | 'noSent'> = { failed: 'noFailed', pending: 'noPending', sent: 'noSent' };

/** Where a notification goes, in words: the person and address, or the webhook's address. */
function recipientText(n: Notification, people: readonly Person[] | null): string {
  if (!n.recipient) return n.target ?? '–';
  const person = people?.find((p) => p.id === n.recipient?.personId);
  const who = [person?.name, person?.email].filter(Boolean).join(', ') || w('unknownPerson');
  return n.recipient.roles.length ? `${who} (${rolesText(n.recipient.roles)})` : who;
}

function messageRows(n: Notification, people: readonly Person[] | null) {
  return [
    { key: w('channel'), value: n.channel === 'email' ? w('channelEmail') : w('channelWebhook') },
    { key: w('recipient'), value: <span class="break">{recipientText(n, people)}</span> },
    { key: w('about'), value: n.subject ?? <span class="muted">{w('unreadableSubject')}</span> },
    { key: w('status'), value: <Badge kind={n.status === 'sent' ? 'ok' : n.status === 'failed' ? 'bad' : 'warn'}>{w(n.status as Status)}</Badge> },
    { key: w('attempts'), value: String(n.attempts) },
    ...(n.lastError ? [{ key: w('lastError'), value: <span class="break">{n.lastError}</span> }] : []),
    { key: w('createdAt'), value: longDateTime(n.createdAt) },
    ...(n.sentAt ? [{ key: w('sentAt'), value: longDateTime(n.sentAt) }] : []),
  ];
}

/** `/admin/outbox?status=`: notifications that failed (first), wait or were sent; a retry link for each failed one. */
export function OutboxPage({ me, query }: { me: Me | null; query: URLSearchParams }) {
  const status = (STATUSES as string[]).includes(query.get('status') ?? '') ? (query.get('status') as Status) : 'failed';
  return <AdminOnly me={me}>{() => <OutboxList status={status} />}</AdminOnly>;
}

function OutboxList({ status }: { status: Status }) {
  const list = useData(() => api.read('/outbox', { query: { status, limit: 50 } }), [status]);
  const people = usePeople();
  return (
    <>
      <a class="back-link" href={backToAdmin().href}>
        {backToAdmin().text}
      </a>
      <Confirmed />
      <h1 tabIndex={-1}>{w('outbox')}</h1>
      <p>{w('outboxIntro')}</p>
      <FilterSelect
        id="outbox-status"
        label={w('showStatus')}
        value={status}
        options={STATUSES.map((s) => ({ value: s, label: w(s) }))}
        go={(value) => to(ADMIN_PATHS.outbox, {}, { status: value })}
      />
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {!list.data && !list.error && <Loading />}
      {list.data?.items.length === 0 && <p class="muted">{w(EMPTY[status])}</p>}
      <ul class="cards-list">
        {list.data?.items.map((n) => (
          <li class="summary-card">
            <div class="summary-card-header">
              <h2 class="summary-card-title">
                {n.subject ?? w('messageTo', { channel: n.channel === 'email' ? w('channelEmail') : w('channelWebhook'), to: recipientText(n, people.data) })}
              </h2>
              {n.status === 'failed' && (
                <ul class="summary-card-actions">
                  <li>
                    <a href={to(ADMIN_PATHS.retry, { message: n.id })}>
                      {w('retry')}
                      <span class="visually-hidden"> {recipientText(n, people.data)}</span>
                    </a>
                  </li>
                </ul>
              )}
            </div>
            <div class="summary-card-body">
              <SummaryList rows={messageRows(n, people.data)} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** `/admin/outbox/:message/retry`: what will be sent again, and the button. */
export function RetryPage({ me, messageId }: { me: Me | null; messageId: string }) {
  return <AdminOnly me={me}>{() => <Retry messageId={messageId} />}</AdminOnly>;
}

function Retry({ messageId }: { messageId: string }) {
  const list = useData(() => api.read('/outbox', { query: { status: 'failed', limit: 100 } }), [messageId]);
  const people = usePeople();
  const form = useForm<object>({ initial: {} });
  const back = { href: to(ADMIN_PATHS.outbox, {}), text: w('outbox') };
  const message = list.data?.items.find((n) => n.id === messageId);
  const submit = form.submit(async () => {
    await api.post('/outbox/{id}/retry', { params: { id: messageId }, idempotencyKey: form.keyFor({ retry: messageId }) });
    confirmAndGo(to(ADMIN_PATHS.outbox, {}, { status: 'pending' }), {
      title: w('retried', { to: message ? recipientText(message, people.data) : '' }),
      next: w('retriedNext'),
    });
  });
  if (list.error) return <ErrorMessage error={list.error} />;
  if (!list.data) return <Loading />;
  if (!message) return <NotFound text={w('noSuchMessage')} />;
  return (
    <FormPage
      form={form}
      title={w('retryTitle')}
      back={back}
      onSubmit={submit}
      submitText={w('retryButton')}
      errorTitle={w('cannotRetry')}
      noRetryWhenRefused
      intro={<p>{w('retryIntro')}</p>}
    >
      <SummaryList rows={messageRows(message, people.data)} />
    </FormPage>
  );
}
