import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../common/domain-error.js';
import type { LocalizedText } from '../common/i18n.js';
import { constraintMessage } from './validation-messages.js';

/**
 * One problem with one field, worded in every language: the pipe cannot know the caller's
 * language (it has no request), so the error filter picks the text (see localizeFieldProblems).
 */
export interface LocalizedFieldProblem {
  path: string;
  message: LocalizedText;
}

/**
 * Validation of bodies and queries against their DTO classes. Nothing is stripped silently: an
 * unknown field is an error (so no client can set ids, versions or states it should not), and
 * every problem is reported with its path, in Swedish and English (validation-messages.ts).
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // One message per field: "must be a string" says it all; "must be shorter than …" would add noise.
    stopAtFirstError: true,
    transform: true,
    // The target is kept so that a message can read the decorator's values from its class's
    // metadata (`@MaxLength(200)` → 200); the errors themselves never leave the factory.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/** The 400 for field problems; its message lists them all, in each language. */
export function validationFailed(problems: LocalizedFieldProblem[]): DomainError {
  const join = (lang: keyof LocalizedText) => problems.map((p) => (p.path ? `${p.path}: ${p.message[lang]}` : p.message[lang])).join('; ');
  return new DomainError('VALIDATION_FAILED', { sv: join('sv'), en: join('en') }, { errors: problems });
}

function flatten(errors: ValidationError[], prefix = ''): LocalizedFieldProblem[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([name, english]) => {
      const declared = declaration(e.target, e.property, name);
      return {
        path,
        message: constraintMessage({
          name,
          property: e.property,
          english,
          constraints: declared?.constraints,
          each: declared?.each,
          customMessage: declared?.message !== undefined,
        }),
      };
    });
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** The decorator that declared a constraint on a property of a DTO class, if it can be found. */
function declaration(target: object | undefined, property: string, name: string) {
  if (!target || Array.isArray(target)) return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name ?? m.type) === name);
}

/** How deep a JSON body may nest: the deepest workflow definition nests 8 levels. */
export const MAX_BODY_DEPTH = 64;
/** Keys that name the prototype machinery of JavaScript objects: never data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A UTF-16 surrogate without its other half: not a character, and PostgreSQL refuses it in jsonb. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Control characters other than tab and line breaks (PostgreSQL cannot store NUL at all). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** At most this many problems are listed: a body full of them needs no longer answer. */
const MAX_PROBLEMS = 20;

const hex = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** A key as it can be shown in a path: lone surrogates and control characters escaped. */
const printable = (key: string) => key.replace(new RegExp(`${LONE_SURROGATE.source}|${CONTROL.source}`, 'g'), hex);

/** What is wrong with one text (a value or a key) of a body, if anything. */
function textProblem(text: string): LocalizedText | undefined {
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    const at = `${hex(surrogate[0])}`;
    return {
      sv: `innehåller ett ensamt UTF-16-surrogat (${at} vid tecken ${surrogate.index + 1}): det är inte giltig Unicode-text`,
      en: `contains a lone UTF-16 surrogate (${at} at character ${surrogate.index + 1}): it is not valid Unicode text`,
    };
  }
  const control = CONTROL.exec(text);
  if (control) {
    const n = control.index + 1;
    return control[0] === '\u0000'
      ? {
          sv: `innehåller NUL-tecknet (\\u0000 vid tecken ${n}), som inte kan sparas`,
          en: `contains the NUL character (\\u0000 at character ${n}), which cannot be stored`,
        }
      : {
          sv: `innehåller ett styrtecken (${hex(control[0])} vid tecken ${n}); bara tabb och radbrytningar är tillåtna`,
          en: `contains a control character (${hex(control[0])} at character ${n}); only tab and line breaks are allowed`,
        };
  }
  return undefined;
}

/**
 * The problems of a parsed JSON body that no DTO should have to think about, each with its path:
 * keys naming the prototype machinery (`__proto__`, `constructor`, `prototype`), texts and keys
 * with a lone UTF-16 surrogate or a control character, and nesting deeper than
 * {@link MAX_BODY_DEPTH}. Iterative, so no body can exhaust the stack.
 */
export function hostileBodyProblems(body: unknown): LocalizedFieldProblem[] {
  const problems: LocalizedFieldProblem[] = [];
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
      problems.push({ path, message: { sv: `är nästlad djupare än ${MAX_BODY_DEPTH} nivåer`, en: `is nested deeper than ${MAX_BODY_DEPTH} levels` } });
      continue;
    }
    const entries = Object.entries(value);
    // Pushed in reverse, so problems come out in the order of the body.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const childPath = path ? `${path}.${printable(key)}` : printable(key);
      if (!Array.isArray(value)) {
        if (PROTOTYPE_KEYS.has(key)) {
          problems.push({
            path: childPath,
            message: {
              sv: `"${key}" godtas inte som nyckel: namnet hör till varje JavaScript-objekt, det är inte data`,
              en: `"${key}" is not accepted as a key: it names a part of every JavaScript object, not data`,
            },
          });
          continue;
        }
        const problem = textProblem(key);
        if (problem) {
          problems.push({ path: childPath, message: { sv: `nyckeln ${problem.sv}`, en: `the key ${problem.en}` } });
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
  if (body === undefined || Buffer.isBuffer(body)) {
    next();
    return;
  }
  const problems = hostileBodyProblems(body);
  next(problems.length ? validationFailed(problems) : undefined);
}
