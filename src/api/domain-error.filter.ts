import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DriverException, ConnectionException } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { DomainError, ERROR_CODES, fieldMessageIn, type ErrorCode, type FieldProblem } from '../common/domain-error.js';
import type { GateFailure } from '../rules/gate-evaluator.js';
import { toGateFailureView } from '../cases/case-view.js';
import { languageOf } from './language.js';
import { localizeFieldProblems } from './localize-details.js';

/**
 * The one place where errors become HTTP answers: `{ status, code, message, …details }`.
 * Domain errors map by their code (see ERROR_CODES); malformed bodies and unknown routes get 4xx;
 * a lost database gets 503. Anything else is a bug: 500, logged with its stack (never the body).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const { status, body } = this.describe(error, req);
    if (status >= 500 && status !== 503) this.logger.error(`${req.method} ${req.path} → ${status}: ${(error as Error)?.stack ?? String(error)}`);
    if (res.headersSent) return;
    if (status === 503) res.setHeader('Retry-After', '5');
    res.status(status).json(body);
  }

  private describe(error: unknown, req: Request): { status: number; body: Record<string, unknown> } {
    if (error instanceof DomainError) {
      const lang = languageOf(req);
      // Field problems may be worded in every language (validation.ts); the answer has one.
      const details = localizeFieldProblems(error.details, lang);
      if (error.code === 'GATE_BLOCKED' && Array.isArray(details.failures)) {
        details.failures = (details.failures as GateFailure[]).map((f) => toGateFailureView(f, lang));
      }
      // Field problems keep the shape `{ path, message }`, with the message in the caller's language.
      if (Array.isArray(details.errors)) {
        details.errors = (details.errors as unknown[]).map((p) => (isFieldProblem(p) ? { ...p, message: fieldMessageIn(p.message, lang) } : p));
      }
      return this.body(error.code, error.messageIn(lang), details);
    }
    // Nest wraps the body parser's errors in an HttpException; the original is its `cause`.
    const parserError = bodyParserError(error) ?? bodyParserError((error as { cause?: unknown })?.cause);
    if (parserError) return parserError;
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
      const message = status === 404 ? `no such endpoint: ${req.method} ${req.path}` : status === 429 ? 'too many requests; wait as Retry-After says' : error.message;
      return { status, body: { status, code, message } };
    }
    if (error instanceof ConnectionException || isConnectionError(error)) {
      return this.body('DATABASE_UNAVAILABLE', 'the database cannot be reached right now; try again shortly');
    }
    if (error instanceof DriverException && (error as { code?: string }).code === '57014') {
      return this.body('DATABASE_UNAVAILABLE', 'the database did not answer in time; try again shortly');
    }
    return { status: 500, body: { status: 500, code: 'INTERNAL', message: 'an internal error occurred; it has been logged' } };
  }

  private body(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    const status = ERROR_CODES[code];
    return { status, body: { status, code, message, ...details } };
  }
}

/** Errors thrown by the JSON body parser before any route runs. */
function bodyParserError(error: unknown): { status: number; body: Record<string, unknown> } | undefined {
  const e = error as { type?: string; status?: number; message?: string; limit?: number };
  switch (e?.type) {
    case 'entity.parse.failed':
      return { status: 400, body: { status: 400, code: 'BAD_REQUEST', message: `the body is not valid JSON: ${e.message}` } };
    case 'entity.too.large':
      return { status: 413, body: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `the body is larger than the ${e.limit ?? ''} bytes accepted` } };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, body: { status: 415, code: 'BAD_REQUEST', message: e.message ?? 'unsupported encoding' } };
    case 'request.aborted':
    case 'stream.encoding.set':
    case 'request.size.invalid':
      return { status: 400, body: { status: 400, code: 'BAD_REQUEST', message: e.message ?? 'the body could not be read' } };
    default:
      return undefined;
  }
}

/** A `{ path, message }` whose message is a text or a text in every language (anything else is passed on as it is). */
function isFieldProblem(value: unknown): value is FieldProblem {
  const message = (value as { message?: unknown } | null)?.message;
  return typeof message === 'string' || (typeof message === 'object' && message !== null && typeof (message as { sv?: unknown }).sv === 'string' && typeof (message as { en?: unknown }).en === 'string');
}

function isConnectionError(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${(error as { code?: string })?.code ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|57P01|57P03|08006|08001|08003/.test(text);
}
