import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DriverException, ConnectionException } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { DomainError, ERROR_CODES, type ErrorCode } from '../common/domain-error.js';
import type { GateFailure } from '../rules/gate-evaluator.js';
import { toGateFailureView } from '../cases/case-view.js';
import { languageOf } from './language.js';
import { localize, type Language } from '../common/i18n.js';
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
      return this.body(error.code, error.messageIn(lang), details);
    }
    // Nest wraps the body parser's errors in an HttpException; the original is its `cause`.
    const lang = languageOf(req);
    const parserError = bodyParserError(error, lang) ?? bodyParserError((error as { cause?: unknown })?.cause, lang);
    if (parserError) return parserError;
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
      const message =
        status === 404
          ? localize({ sv: `det finns ingen sådan adress i tjänsten: ${req.method} ${req.path}`, en: `no such endpoint: ${req.method} ${req.path}` }, lang)
          : status === 429
            ? localize({ sv: 'för många anrop; vänta så länge Retry-After anger', en: 'too many requests; wait as Retry-After says' }, lang)
            : error.message;
      return { status, body: { status, code, message } };
    }
    if (error instanceof ConnectionException || isConnectionError(error)) {
      return this.body(
        'DATABASE_UNAVAILABLE',
        localize({ sv: 'databasen kan inte nås just nu; försök igen om en stund', en: 'the database cannot be reached right now; try again shortly' }, lang),
      );
    }
    if (error instanceof DriverException && (error as { code?: string }).code === '57014') {
      return this.body(
        'DATABASE_UNAVAILABLE',
        localize({ sv: 'databasen svarade inte i tid; försök igen om en stund', en: 'the database did not answer in time; try again shortly' }, lang),
      );
    }
    return {
      status: 500,
      body: {
        status: 500,
        code: 'INTERNAL',
        message: localize({ sv: 'ett internt fel uppstod; det har loggats', en: 'an internal error occurred; it has been logged' }, lang),
      },
    };
  }

  private body(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    const status = ERROR_CODES[code];
    return { status, body: { status, code, message, ...details } };
  }
}

/** Errors thrown by the JSON body parser before any route runs. */
function bodyParserError(error: unknown, lang: Language): { status: number; body: Record<string, unknown> } | undefined {
  const e = error as { type?: string; status?: number; message?: string; limit?: number };
  switch (e?.type) {
    case 'entity.parse.failed':
      // The parser's own detail (position of the fault) is English from the JSON parser; it stays, after our words.
      return {
        status: 400,
        body: {
          status: 400,
          code: 'BAD_REQUEST',
          message: localize({ sv: `innehållet är inte giltig JSON: ${e.message}`, en: `the body is not valid JSON: ${e.message}` }, lang),
        },
      };
    case 'entity.too.large':
      return {
        status: 413,
        body: {
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          message: localize(
            { sv: `innehållet är större än de ${e.limit ?? ''} byte som tas emot`, en: `the body is larger than the ${e.limit ?? ''} bytes accepted` },
            lang,
          ),
        },
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        status: 415,
        body: {
          status: 415,
          code: 'BAD_REQUEST',
          message: localize({ sv: 'innehållets teckenkodning stöds inte; skicka UTF-8', en: e.message ?? 'unsupported encoding' }, lang),
        },
      };
    case 'request.aborted':
    case 'stream.encoding.set':
    case 'request.size.invalid':
      return {
        status: 400,
        body: {
          status: 400,
          code: 'BAD_REQUEST',
          message: localize({ sv: 'innehållet kunde inte läsas', en: e.message ?? 'the body could not be read' }, lang),
        },
      };
    default:
      return undefined;
  }
}

function isConnectionError(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${(error as { code?: string })?.code ?? ''}`;
  return /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|57P01|57P03|08006|08001|08003/.test(text);
}
