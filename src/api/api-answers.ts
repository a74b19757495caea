import { applyDecorators, type Type } from '@nestjs/common';
import { ApiResponse, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { ErrorDto } from './dto/responses.dto.js';

/** What each error status means here; every one answers with the shared `ErrorDto`. */
const ERRORS = {
  400: 'BAD_REQUEST or VALIDATION_FAILED: a malformed or refused request (`errors` names each value)',
  401: 'UNAUTHENTICATED: no valid token',
  403: 'FORBIDDEN: the caller may not do this',
  404: 'NOT_FOUND: no such thing, or not visible to the caller',
  409: 'CONFLICT: a stale If-Match, a concurrent change, or not possible in this step',
  413: 'PAYLOAD_TOO_LARGE: the body is too large',
  422: 'GATE_BLOCKED or a rule of the domain refused it (`failures` explains a gate)',
  502: 'UPSTREAM_UNAVAILABLE: a service this one asked (Kolada) did not answer usefully',
  429: 'RATE_LIMITED: too many requests; wait as Retry-After says',
  503: 'DATABASE_UNAVAILABLE: try again shortly (Retry-After)',
} as const;

export type ErrorStatus = keyof typeof ERRORS;

/** Errors of any authenticated read. */
export const READ_ERRORS: readonly ErrorStatus[] = [400, 401, 403, 404, 429, 503];
/** Errors of any change to case data (If-Match, gates, domain rules). */
export const WRITE_ERRORS: readonly ErrorStatus[] = [400, 401, 403, 404, 409, 422, 429, 503];

export interface AnswerOptions {
  /** 200 unless said; 201 for what a POST creates. */
  status?: 200 | 201;
  /** The body's class, `[Class]` for an array of them; `null` when it may be JSON null (nothing left to show). */
  type: Type<unknown> | [Type<unknown>];
  nullable?: boolean;
  description?: string;
  errors?: readonly ErrorStatus[];
  /** The success answer is declared apart (a file, not JSON): only the errors here. */
  omitSuccess?: boolean;
  /** Headers of the success answer, e.g. ETag. */
  headers?: Record<string, { description: string; schema: { type: 'string' } }>;
}

/**
 * The OpenAPI answers of an operation: its success body and, with the one error schema, each
 * error status it may give. Use on every operation, so the document describes every answer.
 */
export function ApiAnswers(options: AnswerOptions): MethodDecorator {
  const status = options.status ?? 200;
  const [model, isArray] = Array.isArray(options.type) ? [options.type[0], true] : [options.type, false];
  const ref = { $ref: getSchemaPath(model) };
  const item = options.nullable ? { type: 'object' as const, allOf: [ref], nullable: true } : ref;
  const schema = isArray ? { type: 'array' as const, items: ref } : item;
  return applyDecorators(
    ApiExtraModels(model, ErrorDto),
    ...(options.omitSuccess
      ? []
      : [
          ApiResponse({
            status,
            description: options.description ?? (status === 201 ? 'Created' : 'OK'),
            schema,
            ...(options.headers ? { headers: options.headers } : {}),
          }),
        ]),
    ...(options.errors ?? READ_ERRORS).map((code) => ApiResponse({ status: code, description: ERRORS[code], type: ErrorDto })),
  );
}

/** The ETag header of an answer about a case: its version, for If-Match. */
export const ETAG_HEADER = { ETag: { description: 'The case version, to send back in If-Match', schema: { type: 'string' as const } } };

/** Headers of a command's answer: the case version, and whether it is a replay of an `Idempotency-Key`. */
export const COMMAND_HEADERS = {
  ...ETAG_HEADER,
  'Idempotent-Replayed': {
    description: '"true" when this is the stored answer of an earlier request with the same Idempotency-Key',
    schema: { type: 'string' as const },
  },
};
