/**
 * Sign-in with OpenID Connect from the browser: authorization code flow with PKCE (RFC 7636),
 * endpoints from the issuer's discovery document. The access token it gets is what the API checks
 * (issuer, audience = the client id, signature, expiry).
 */
import { t } from './i18n';

const STATE_KEY = 'samverkan.oidc';

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function random(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(t('oidcDiscovery', { status: res.status }));
  return res.json();
}

function redirectUri(): string {
  return `${location.origin}/app/oidc-callback`;
}

/** Goes to the identity provider's sign-in page. */
export async function startOidc(issuer: string, clientId: string): Promise<void> {
  const meta = await discover(issuer);
  const verifier = random();
  const state = random();
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(STATE_KEY, JSON.stringify({ verifier, state, issuer, clientId }));
  const url = new URL(meta.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** On the way back: exchanges the code for an access token. @throws Error when anything does not match */
export async function finishOidc(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const saved = JSON.parse(sessionStorage.getItem(STATE_KEY) ?? 'null') as { verifier: string; state: string; issuer: string; clientId: string } | null;
  sessionStorage.removeItem(STATE_KEY);
  if (params.get('error')) throw new Error(params.get('error_description') ?? params.get('error')!);
  if (!saved || params.get('state') !== saved.state || !params.get('code')) throw new Error(t('oidcState'));
  const meta = await discover(saved.issuer);
  const res = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code')!,
      redirect_uri: redirectUri(),
      client_id: saved.clientId,
      code_verifier: saved.verifier,
    }).toString(),
  });
  if (!res.ok) throw new Error(t('oidcTokenEndpoint', { status: res.status }));
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(t('oidcNoToken'));
  return body.access_token;
}
