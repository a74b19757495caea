import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';

/** A UUID in the path, or a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  const sv = `${UUID_OWNERS[name.replace(/ id$/, '')] ?? name} id i sökvägen måste vara ett UUID`;
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError(
        'VALIDATION_FAILED',
        { sv, en: `the ${name} in the path must be a UUID` },
        { errors: [{ path: name, message: { sv: 'måste vara ett UUID', en: 'must be a UUID' } }] },
      ),
  });
}

/** Whose id a path parameter is, in Swedish ("case id" → "ärendets id"). */
const UUID_OWNERS: Record<string, string> = {
  case: 'ärendets',
  document: 'dokumentets',
  organisation: 'organisationens',
  token: 'tokens',
  board: 'nämndens',
  person: 'personens',
  role: 'rollens',
  goal: 'målets',
  commitment: 'åtagandets',
  action: 'åtgärdens',
};
