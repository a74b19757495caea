import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, type FieldProblem } from '../common/domain-error.js';

/**
 * Validation of bodies and queries against their DTO classes. Nothing is stripped silently: an
 * unknown field is an error (so no client can set ids, versions or states it should not), and
 * every problem is reported with its path.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // One message per field: "must be a string" says it all; "must be shorter than …" would add noise.
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

function validationFailed(problems: FieldProblem[]): DomainError {
  return new DomainError('VALIDATION_FAILED', problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '), { errors: problems });
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      path,
      message: message.startsWith('property ') && message.endsWith(' should not exist') ? 'unknown field: it is not part of this request' : message,
    }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** How deep a JSON body may nest: the deepest workflow definition nests 8 levels. */
export const MAX_BODY_DEPTH = 64;
/** Keys that name the prototype machinery of JavaScript objects: never data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A UTF-16 surrogate without its other half: not a character, and PostgreSQL refuses it in jsonb. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Control characters other than tab and line breaks (PostgreSQL cannot store NUL at all). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** At most this many problems are listed: a body full of them needs no longer answer. */
const MAX_PROBLEMS = 20;

const hex = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** A key as it can be shown in a path: lone surrogates and control characters escaped. */
const printable = (key: string) => key.replace(new RegExp(`${LONE_SURROGATE.source}|${CONTROL.source}`, 'g'), hex);

/** What is wrong with one text (a value or a key) of a body, if anything. */
function textProblem(text: string): string | undefined {
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `contains a lone UTF-16 surrogate (${hex(surrogate[0])} at character ${surrogate.index + 1}): it is not valid Unicode text`;
  const control = CONTROL.exec(text);
  if (control) {
    return control[0] === '\u0000'
      ? `contains the NUL character (\\u0000 at character ${control.index + 1}), which cannot be stored`
      : `contains a control character (${hex(control[0])} at character ${control.index + 1}); only tab and line breaks are allowed`;
  }
  return undefined;
}

/**
 * The problems of a parsed JSON body that no DTO should have to think about, each with its path:
 * keys naming the prototype machinery (`__proto__`, `constructor`, `prototype`), texts and keys
 * with a lone UTF-16 surrogate or a control character, and nesting deeper than
 * {@link MAX_BODY_DEPTH}. Iterative, so no body can exhaust the stack.
 */
export function hostileBodyProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) problems.push({ path, message: problem });
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) {
      problems.push({ path, message: `is nested deeper than ${MAX_BODY_DEPTH} levels` });
      continue;
    }
    const entries = Object.entries(value);
    // Pushed in reverse, so problems come out in the order of the body.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const childPath = path ? `${path}.${printable(key)}` : printable(key);
      if (!Array.isArray(value)) {
        if (PROTOTYPE_KEYS.has(key)) {
          problems.push({ path: childPath, message: `"${key}" is not accepted as a key: it names a part of every JavaScript object, not data` });
          continue;
        }
        const problem = textProblem(key);
        if (problem) {
          problems.push({ path: childPath, message: `the key ${problem}` });
          continue;
        }
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/**
 * Express middleware after the JSON body parser: a body with any {@link hostileBodyProblems} is
 * refused with 400 and every problem's path, before any route (or DTO) sees it, so nothing of it
 * is silently dropped or half taken.
 */
export function refuseHostileBodies(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body === undefined || Buffer.isBuffer(body)) return next();
  const problems = hostileBodyProblems(body);
  next(problems.length ? validationFailed(problems) : undefined);
}
