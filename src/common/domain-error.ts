import type { Language, LocalizedText } from './i18n.js';

/**
 * The one table of error codes and the HTTP status each maps to.
 *
 * Services throw {@link DomainError} with a code from this table and never think about HTTP;
 * the API's exception filter is the only place that turns a code into a status. Adding an
 * error means adding a row here.
 */
export const ERROR_CODES = {
  /** The request body, a header or a query parameter is malformed. */
  BAD_REQUEST: 400,
  /** The request body does not match the schema (unknown field, wrong type, …). */
  VALIDATION_FAILED: 400,
  /** No acting person / organisation was given. */
  UNAUTHENTICATED: 401,
  /** The actor may see the case but not do this. */
  FORBIDDEN: 403,
  /** The case (or anything else addressed by id) does not exist, or is not visible to the caller. */
  NOT_FOUND: 404,
  /** The workflow asked for does not exist. */
  WORKFLOW_NOT_FOUND: 404,
  /** The client sent the version it saw (`If-Match`) and the case has changed since. */
  VERSION_CONFLICT: 409,
  /** Another command on the same case committed first; retry. */
  CONCURRENT_UPDATE: 409,
  /** The event is not accepted in the case's current step. */
  EVENT_NOT_ACCEPTED: 409,
  /** The case is closed; nothing more can happen to it. */
  CASE_CLOSED: 409,
  /** The escalation is not waiting for an acknowledgement (not fired yet, already acknowledged, or closed). */
  ESCALATION_NOT_OPEN: 409,
  /** The board decision has become final (laga kraft): it is not rewritten; a new decision is needed. */
  DECISION_FINAL: 409,
  /** The same `Idempotency-Key` was used before with a different request. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** The gate of the transition does not hold: the failures say what is missing. */
  GATE_BLOCKED: 422,
  /** The request is well-formed but breaks a domain rule. */
  UNPROCESSABLE: 422,
  /** Too many requests from one token or address; wait as `Retry-After` says. */
  RATE_LIMITED: 429,
  /** The request body is larger than the service accepts. */
  PAYLOAD_TOO_LARGE: 413,
  /** The database cannot be reached right now. */
  DATABASE_UNAVAILABLE: 503,
  /** A service the request needs (e.g. Kolada's API) did not answer. */
  UPSTREAM_UNAVAILABLE: 502,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * One problem with one field of the input, addressed by a path such as `fields.problemStatement`.
 * The message is given in every language (`{ sv, en }`); the API answers `{ path, message }` with
 * the message in the caller's language. A plain string is English only, kept for callers not yet
 * translated: the API then answers it in English whatever the language.
 */
export interface FieldProblem {
  path: string;
  message: string | LocalizedText;
}

/**
 * An expected failure of a use case, with a code from {@link ERROR_CODES}, a message a person can
 * act on, and optional structured details (field problems, gate failures, …) that the API returns
 * as they are.
 */
export class DomainError extends Error {
  /** The message in every language, when it was given so; otherwise only `message` (English). */
  readonly localized: LocalizedText | undefined;

  /**
   * @param message English text, or the text in every language (`{ sv, en }`): the API answers in
   *   the caller's language (Accept-Language), Swedish by default. `Error.message` is the English.
   */
  constructor(
    readonly code: ErrorCode,
    message: string | LocalizedText,
    readonly details: Record<string, unknown> = {},
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.localized = typeof message === 'string' ? undefined : message;
    this.name = 'DomainError';
  }

  /** The message in a language, falling back to the English one where no translation was given. */
  messageIn(lang: Language): string {
    return this.localized?.[lang] ?? this.message;
  }

  /** The HTTP status this error maps to. */
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/**
 * What can be addressed by id and not found, as a message names it: Swedish in the definite form
 * (the message begins with it), English as a noun. One table, so a thing is called the same
 * everywhere.
 */
export const THINGS = {
  case: { sv: 'ärendet', en: 'case' },
  organisation: { sv: 'organisationen', en: 'organisation' },
  person: { sv: 'personen', en: 'person' },
  board: { sv: 'nämnden', en: 'board' },
  party: { sv: 'parten', en: 'party' },
  role: { sv: 'rollen', en: 'role' },
  'decision point': { sv: 'beslutspunkten', en: 'decision point' },
  document: { sv: 'dokumentet', en: 'document' },
  goal: { sv: 'målet', en: 'goal' },
  action: { sv: 'åtgärden', en: 'action' },
  'resource commitment': { sv: 'resursåtagandet', en: 'resource commitment' },
  escalation: { sv: 'eskaleringen', en: 'escalation' },
  notification: { sv: 'meddelandet', en: 'notification' },
  token: { sv: 'API-token', en: 'token' },
  workflow: { sv: 'arbetsflödet', en: 'workflow' },
} as const satisfies Record<string, LocalizedText>;

/** A key of {@link THINGS}. */
export type Thing = keyof typeof THINGS;

/** The first letter in upper case: a Swedish message begins with the thing it is about. */
const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);

/**
 * The common "not found" error, worded the same everywhere: `Ärendet "…" hittades inte` /
 * `case "…" was not found`.
 * @param what a key of {@link THINGS}, or the thing's name in every language (Swedish definite form)
 */
export function notFound(what: Thing | LocalizedText, id: string): DomainError {
  const name = typeof what === 'string' ? THINGS[what] : what;
  const quoted = JSON.stringify(id);
  return new DomainError('NOT_FOUND', { sv: `${capitalized(name.sv)} ${quoted} hittades inte`, en: `${name.en} ${quoted} was not found` });
}

/**
 * A 422 about one field of the input: the message, and the field's path in `errors`.
 * @param message the text in every language; a plain string is English only (not yet translated)
 */
export function unprocessable(path: string, message: string | LocalizedText): DomainError {
  return new DomainError('UNPROCESSABLE', message, { errors: [{ path, message }] });
}
