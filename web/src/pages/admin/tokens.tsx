import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Me, type Schema } from '../../api';
import { ErrorMessage, Loading, NotFound, useData, Badge } from '../../components/common';
import { checkDate, confirmAndGo, DateField, FormPage, isoDate, NO_DATE, SelectField, SummaryList, TextField, useForm, WarningText } from '../../forms';
import { to } from '../../router';
import { AdminOnly, backToAdmin, Confirmed, longDate, personText, useOrganisations, usePeople, type Organisation, type Person, type Token } from './common';
import { ADMIN_PATHS } from './paths';
import { w } from './words';

/** Reads the tokens with the people they sign in as. */
function useTokens() {
  return useData(async () => (await api.read('/tokens', { query: { limit: 500 } })).items);
}

/** Whether a token works now, in words with a symbol. */
function TokenStatus({ token }: { token: Token }) {
  if (token.revokedAt) return <Badge kind="bad">{w('revoked', { date: longDate(token.revokedAt) })}</Badge>;
  if (token.expiresAt && new Date(token.expiresAt) < new Date()) return <Badge kind="warn">{w('expired')}</Badge>;
  return <Badge kind="ok">{w('valid')}</Badge>;
}

function tokenRows(token: Token, people: readonly Person[], orgs: readonly Organisation[] | null) {
  return [
    {
      key: w('tokenFor'),
      value: personText(
        people.find((p) => p.id === token.personId),
        orgs,
      ),
    },
    { key: w('status'), value: <TokenStatus token={token} /> },
    { key: w('created'), value: longDate(token.createdAt) },
    { key: w('expiresAt'), value: token.expiresAt ? longDate(token.expiresAt) : w('noExpiry') },
    { key: w('lastUsed'), value: token.lastUsedAt ? longDate(token.lastUsedAt) : w('never') },
  ];
}

/** `/admin/tokens`: every API token (never the secret), with who it signs in as; revoke links. */
export function TokensPage({ me }: { me: Me | null }) {
  return <AdminOnly me={me}>{() => <TokenList />}</AdminOnly>;
}

function TokenList() {
  const tokens = useTokens();
  const people = usePeople();
  const orgs = useOrganisations();
  return (
    <>
      <a class="back-link" href={backToAdmin().href}>
        {backToAdmin().text}
      </a>
      <Confirmed />
      <h1 tabIndex={-1}>{w('tokens')}</h1>
      <p>{w('tokensIntro')}</p>
      <p>
        <a href={to(ADMIN_PATHS.newToken, {})}>{w('newToken')}</a>
      </p>
      {tokens.error ? <ErrorMessage error={tokens.error} /> : null}
      {(!tokens.data || !people.data) && !tokens.error && <Loading />}
      {tokens.data?.length === 0 && <p class="muted">{w('noTokens')}</p>}
      {people.data && (
        <ul class="cards-list">
          {tokens.data?.map((t) => (
            <li class="summary-card">
              <div class="summary-card-header">
                <h2 class="summary-card-title">{t.name}</h2>
                {!t.revokedAt && (
                  <ul class="summary-card-actions">
                    <li>
                      <a href={to(ADMIN_PATHS.revokeToken, { token: t.id })}>
                        {w('revoke')}
                        <span class="visually-hidden"> {t.name}</span>
                      </a>
                    </li>
                  </ul>
                )}
              </div>
              <div class="summary-card-body">
                <SummaryList rows={tokenRows(t, people.data!, orgs.data)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** `/admin/tokens/new?person=`: creates a token for a person and shows it, once. */
export function NewTokenPage({ me, query }: { me: Me | null; query: URLSearchParams }) {
  return <AdminOnly me={me}>{() => <NewToken personId={query.get('person') ?? ''} />}</AdminOnly>;
}

function NewToken({ personId }: { personId: string }) {
  const people = usePeople();
  const orgs = useOrganisations();
  const [created, setCreated] = useState<{ token: Schema<'CreatedTokenDto'>; person: string; name: string } | null>(null);
  const form = useForm({
    initial: { name: '', personId, expiresAt: NO_DATE },
    validate: (v) => ({
      name: v.name.trim() ? undefined : () => w('writeTokenName'),
      personId: v.personId ? undefined : () => w('choosePerson'),
      expiresAt: checkDate(v.expiresAt, () => w('expires')),
    }),
  });
  const back = { href: to(ADMIN_PATHS.tokens, {}), text: w('tokens') };
  const active = (people.data ?? []).filter((p) => p.active);
  const submit = form.submit(async (v) => {
    const day = isoDate(v.expiresAt);
    // "Gäller till och med": to the end of that day, where the administrator is.
    const body = { name: v.name.trim(), personId: v.personId, ...(day ? { expiresAt: new Date(`${day}T23:59:59`).toISOString() } : {}) };
    const { body: token } = await api.post('/tokens', { body, idempotencyKey: form.keyFor(body) });
    const holder = active.find((p) => p.id === token.personId);
    setCreated({ token, person: personText(holder, orgs.data), name: holder?.name ?? '' });
  });
  if (created) return <ShownOnce token={created.token.token} person={created.person} name={created.name} back={back} />;
  if (people.error) return <ErrorMessage error={people.error} />;
  if (!people.data) return <Loading />;
  return (
    <FormPage form={form} title={w('newToken')} back={back} onSubmit={submit} submitText={w('createToken')} intro={<p>{w('newTokenIntro')}</p>}>
      <TextField field={form.field('name')} label={w('tokenName')} hint={w('tokenNameHint')} width="full" autocomplete="off" />
      <SelectField
        field={form.field('personId')}
        label={w('tokenPerson')}
        hint={w('tokenPersonHint')}
        options={active.map((p) => ({ value: p.id, label: personText(p, orgs.data) }))}
        placeholder={w('choosePerson')}
      />
      <DateField field={form.field('expiresAt')} label={w('expires')} hint={w('expiresHint')} optional />
    </FormPage>
  );
}

/**
 * The new token, shown this once: a warning, the token in a read-only field (selected when focused)
 * and a button that copies it. Focused when it appears, so a screen reader starts with the warning.
 */
function ShownOnce({ token, person, name, back }: { token: string; person: string; name: string; back: { href: string; text: string } }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      field.current?.select();
      setCopied('no');
    }
  };
  return (
    <div class="form-page">
      <h1 tabIndex={-1} ref={heading}>
        {w('tokenCreatedTitle')}
      </h1>
      <WarningText>{w('tokenCreatedWarning', { name })}</WarningText>
      <div class="form-group">
        <label class="label" for="new-token">
          {w('theToken', { name: person })}
        </label>
        <textarea
          id="new-token"
          ref={field}
          class="textarea secret"
          rows={2}
          readOnly
          value={token}
          onFocus={(e) => (e.target as HTMLTextAreaElement).select()}
          spellcheck={false}
          autocomplete="off"
        />
      </div>
      <div class="button-group">
        <button type="button" onClick={copy}>
          {w('copy')}
        </button>
        <a href={back.href}>{w('copiedDone')}</a>
      </div>
      <p role="status">{copied === 'yes' ? w('copied') : copied === 'no' ? w('copyFailed') : ''}</p>
    </div>
  );
}

/** `/admin/tokens/:token/revoke`: the check before a token stops working for good. */
export function RevokeTokenPage({ me, tokenId }: { me: Me | null; tokenId: string }) {
  return <AdminOnly me={me}>{() => <RevokeToken tokenId={tokenId} self={me?.person.id ?? ''} />}</AdminOnly>;
}

function RevokeToken({ tokenId, self }: { tokenId: string; self: string }) {
  const tokens = useTokens();
  const people = usePeople();
  const orgs = useOrganisations();
  const form = useForm<object>({ initial: {} });
  const back = { href: to(ADMIN_PATHS.tokens, {}), text: w('tokens') };
  const token = tokens.data?.find((t) => t.id === tokenId && !t.revokedAt);
  const submit = form.submit(async () => {
    await api.post('/tokens/{id}/revoke', { params: { id: tokenId }, idempotencyKey: form.keyFor({ revoke: tokenId }) });
    confirmAndGo(back.href, { title: w('tokenRevoked', { name: token?.name ?? '' }) });
  });
  if (tokens.error) return <ErrorMessage error={tokens.error} />;
  if (!tokens.data || !people.data) return <Loading />;
  if (!token) return <NotFound text={w('noSuchToken')} />;
  return (
    <FormPage
      form={form}
      title={w('revokeTitle', { name: token.name })}
      back={back}
      onSubmit={submit}
      submitText={w('revokeButton')}
      danger
      errorTitle={w('cannotRevoke')}
      noRetryWhenRefused
      intro={<p>{w('revokeIntro')}</p>}
    >
      <SummaryList rows={tokenRows(token, people.data, orgs.data)} />
      {token.personId === self && <p>{w('ownToken')}</p>}
      <WarningText>{w('revokeWarning')}</WarningText>
    </FormPage>
  );
}
