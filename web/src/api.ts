import type { components } from './api-types';
import type { RuleSetFile } from './definition-types/rule-set';
import type { WorkflowFile } from './definition-types/workflow';
import { lang, t } from './i18n';

/** The service's answer and request shapes, generated from schemas/openapi.json (npm run api-types). */
export type Schemas = components['schemas'];
/** One shape by its DTO name, e.g. `Schema<'CaseDto'>`. */
export type Schema<K extends keyof Schemas> = Schemas[K];
/**
 * A DTO with some of its properties given a narrower type; each must be a property of the DTO
 * (a misspelt or removed one fails to compile).
 */
type Refine<T, R extends { [K in keyof R]: K extends keyof T ? unknown : never }> = Omit<T, keyof R> & R;
/**
 * `GET /workflows/{id}/versions/{version}`. The OpenAPI document gives the definition and the
 * rule sets as open objects; their shapes are the files' JSON Schemas (schemas/workflow.schema.json,
 * schemas/rule-set.schema.json), generated into definition-types/ by npm run api-types.
 */
export type PublishedWorkflow = Refine<Schema<'WorkflowDefinitionDto'>, { definition: WorkflowFile; ruleSets: Record<string, RuleSetFile> }>;
/** The error body every operation answers with; a text when the answer was not JSON. */
export type ErrorBody = Schema<'ErrorDto'>;

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
    readonly body: Partial<ErrorBody> | undefined,
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
export async function call<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  bearer = token(),
): Promise<Answer<T>> {
  const h: Record<string, string> = { accept: 'application/json', 'accept-language': lang(), ...headers };
  if (bearer) h.authorization = `Bearer ${bearer}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  // The browser's own words for a lost connection ("Failed to fetch") are English whatever the page's language.
  const res = await fetch(path, { method, headers: h, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }).catch(() => {
    throw new ApiError(0, 'NETWORK', t('networkDown'), undefined);
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!res.ok) {
    if (res.status === 401 && bearer) onUnauthorised();
    const error = typeof parsed === 'object' && parsed !== null ? (parsed as Partial<ErrorBody>) : undefined;
    // Our service answers in the page's language (Accept-Language); anything else (a proxy's page) gets our words.
    const message = typeof error?.message === 'string' ? error.message : t('httpStatus', { status: res.status });
    throw new ApiError(res.status, error?.code ?? String(res.status), message, error);
  }
  return { body: parsed as T, etag: res.headers.get('etag'), status: res.status };
}

export const get = <T = unknown>(path: string) => call<T>('GET', path).then((a) => a.body);
