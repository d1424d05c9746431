import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidIsoWeek } from '@liftoff/shared';

/** An ISO week that exists, e.g. 2026-W48 (2026-W54 does not). */
export function IsIsoWeek(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoWeek',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an existing ISO week like 2026-W48', ...options },
      validator: { validate: (value: unknown) => isValidIsoWeek(value) },
    });
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date like 2026-11-25', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
        },
      },
    });
}

/** Query strings carry text: `true` / `false` become booleans, anything else is left for the validator to refuse. */
export function queryBoolean({ value }: { value: unknown }): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** A plain decimal like `3` or `2.5` becomes a number; anything else (`1e3`, ``, `3 months`) is left for the validator to refuse. */
export function queryNumber({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** A flag that must not be true when `other` is given (e.g. `isNew` with `blockerId`). */
export function AbsentWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'absentWith',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must not be true together with ${other}`, ...options },
      validator: {
        validate: (value: unknown, args) => value !== true || (args?.object as Record<string, unknown>)[other] === undefined,
      },
    });
}
