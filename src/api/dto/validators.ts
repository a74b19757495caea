import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../../calendar/working-days.js';

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isLocalDate', validator: { validate: (v) => isLocalDate(v), defaultMessage: () => '$property must be a date YYYY-MM-DD' } }, options);
}
