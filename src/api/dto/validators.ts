import { ValidateBy, ValidateIf, ValidationTypes, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../../common/local-date.js';

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isLocalDate', validator: { validate: (v) => isLocalDate(v), defaultMessage: () => '$property must be a date YYYY-MM-DD' } },
    options,
  );
}

/**
 * A property that may be left out; `null` is refused with its own message, unless the property is
 * also `nullable` (its `ValidateIf` then skips the checks for null: the value is removed).
 * Instead of class-validator's `IsOptional`, which lets `null` through to code that cannot store
 * it (a NOT NULL column, a `.map` of null).
 */
export function Omittable(): PropertyDecorator {
  const present = ValidateIf((_object: unknown, value: unknown) => value !== undefined);
  // Registered as the `isDefined` kind, which class-validator checks before all the others.
  const notNull = ValidateBy({
    name: ValidationTypes.IS_DEFINED,
    validator: {
      validate: (v) => v !== null,
      defaultMessage: () => '$property cannot be null: leave it out instead (null is accepted only where a value can be removed)',
    },
  });
  return (target, property) => {
    present(target, property);
    notNull(target, property);
  };
}
