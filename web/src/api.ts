import { lang, t } from './i18n';

const TOKEN_KEY = 'samverkan.token';

/** The signed-in token, kept for this tab only (sessionStorage). */
export function token(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(value: string | null): void {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** An answer of the API that was not 2xx: the service's `{status, code, message, …}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: any,
  ) {
    super(message);
  }
}

/** Called on a 401 (the token expired or was revoked): back to the sign-in page. */
let onUnauthorised: () => void = () => {};
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

export interface Answer<T> {
  body: T;
  etag: string | null;
  status: number;
}

/**
 * One API call, same origin, signed in with the tab's token, in the chosen language.
 * @throws ApiError for any non-2xx answer
 */
export async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, bearer = token()): Promise<Answer<T>> {
  const h: Record<string, string> = { accept: 'application/json', 'accept-language': lang(), ...headers };
  if (bearer) h.authorization = `Bearer ${bearer}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  // The browser's own words for a lost connection ("Failed to fetch") are English whatever the page's language.
  const res = await fetch(path, { method, headers: h, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }).catch(() => {
    throw new ApiError(0, 'NETWORK', t('networkDown'), undefined);
  });
  const text = await res.text();
  let parsed: any = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!res.ok) {
    if (res.status === 401 && bearer) onUnauthorised();
    // Our service answers in the page's language (Accept-Language); anything else (a proxy's page) gets our words.
    const message = typeof parsed?.message === 'string' ? parsed.message : t('httpStatus', { status: res.status });
    throw new ApiError(res.status, parsed?.code ?? String(res.status), message, parsed);
  }
  return { body: parsed as T, etag: res.headers.get('etag'), status: res.status };
}

export const get = <T = any>(path: string) => call<T>('GET', path).then((a) => a.body);
