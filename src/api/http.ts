import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { actorScope, type Actor } from '../access/actor.js';
import { canonicalJson, sha256 } from '../common/canonical-json.js';
import { DomainError } from '../common/domain-error.js';
import type { CommandOptions, CommandResult, MutationResult } from '../cases/cases.service.js';
import type { IdempotencyRequest } from '../cases/idempotency.js';

/** The version in `If-Match` (`"3"`, `W/"3"` or `3`), or undefined when absent. @throws DomainError BAD_REQUEST */
export function ifMatchOf(req: Request): number | undefined {
  const raw = req.headers['if-match'];
  if (raw === undefined || raw === '') return undefined;
  const text = String(raw).trim();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(text);
  if (!match) {
    const got = JSON.stringify(text.slice(0, 40));
    throw new DomainError('BAD_REQUEST', {
      sv: `If-Match måste vara ärendets version från dess ETag, t.ex. "3"; fick ${got}`,
      en: `If-Match must be the case version from its ETag, e.g. "3"; got ${got}`,
    });
  }
  return Number(match[1]);
}

/** The idempotency of the request, if it has an `Idempotency-Key`. @throws DomainError BAD_REQUEST */
export function idempotencyOf(req: Request, actor: Actor): IdempotencyRequest | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = String(raw).trim();
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new DomainError('BAD_REQUEST', {
      sv: 'Idempotency-Key måste vara 1–200 synliga ASCII-tecken (ett UUID passar bra)',
      en: 'Idempotency-Key must be 1–200 visible ASCII characters (a UUID is a good choice)',
    });
  }
  const requestHash = sha256(canonicalJson({ method: req.method, path: req.path, body: req.body ?? null }));
  return { scope: actorScope(actor), key, requestHash };
}

/** A JSON text sent as it is (not parsed and serialised again), so a replay is byte for byte the first answer. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * An answer with its own status and headers, which a controller returns instead of writing to the
 * response itself; `HttpAnswerInterceptor` sends it. `T` is the documented body (a phantom type
 * when the body is a stored `RawJson`).
 */
export class HttpAnswer<T = unknown> {
  declare readonly documented?: T;
  constructor(
    readonly status: number,
    readonly body: T | RawJson,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {}
}

/** A command's answer: the stored text as is, its ETag, and `Idempotent-Replayed` for a replay. */
export function commandAnswer<T>(outcome: CommandResult): HttpAnswer<T> {
  const stored = 'replayed' in outcome ? outcome.replayed : outcome.response;
  if (!stored) throw new Error('a command answered over HTTP needs a responder');
  return new HttpAnswer<T>(stored.status, new RawJson(stored.body), {
    ...(stored.etag ? { ETag: stored.etag } : {}),
    ...('replayed' in outcome ? { 'Idempotent-Replayed': 'true' } : {}),
  });
}

/**
 * Options for a change to case data: `If-Match`, `Idempotency-Key`, and the changed thing's view
 * as the answer.
 */
export function mutationOptions<V, B = unknown>(
  req: Request,
  actor: Actor,
  status: number,
  render: (value: V, em: EntityManager) => B | Promise<B>,
): CommandOptions<MutationResult<V>> {
  return {
    expectedVersion: ifMatchOf(req),
    idempotency: idempotencyOf(req, actor),
    respond: async (r, em) => ({ status, body: await render(r.value, em) }),
  };
}
