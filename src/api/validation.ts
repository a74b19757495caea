import { ValidationPipe, type ValidationError } from '@nestjs/common';
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
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new DomainError('VALIDATION_FAILED', problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '), { errors: problems });
    },
  });
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
