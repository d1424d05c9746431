import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isTimeZone, isValidIsoWeek, latestBegunDate, kpiDefinitionBoundsProblems, kpiDirectionProblem, type KpiDirection } from '@liftoff/shared';

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

/** An IANA time zone the runtime knows, e.g. Pacific/Auckland. */
export function IsTimeZoneName(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZoneName',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone like Europe/Berlin', ...options },
      validator: { validate: (value: unknown) => isTimeZone(value) },
    });
}

/** Dates the product can mean: nothing it tracks happened before 2000 or is planned after 2100. */
export const EARLIEST_CALENDAR_DATE = '2000-01-01';
export const LATEST_CALENDAR_DATE = '2100-12-31';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not) and lies between 2000-01-01 and 2100-12-31. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a date like 2026-11-25, between ${EARLIEST_CALENDAR_DATE} and ${LATEST_CALENDAR_DATE}`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          if (value < EARLIEST_CALENDAR_DATE || value > LATEST_CALENDAR_DATE) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
        },
      },
    });
}

/**
 * Like IsOptional, but only a missing field skips validation: `null` is validated like any value, so a
 * column that cannot be empty answers `null` with a 400 naming the field instead of a database error.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}

/** Query strings carry text: `true` / `false` become booleans, anything else is left for the validator to refuse. */
export function queryBoolean({ value }: { value: unknown }): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** A plain decimal like `3` or `2.5` becomes a number; anything else (`1e3`, ``, `3 months`) is left for the validator to refuse. */
export function queryNumber({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** The KPI target lies in the KPI's direction from its baseline (`kpiDirectionProblem`). */
export function TargetInKpiDirection(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'targetInKpiDirection',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args) => {
          const kpi = args.object as { direction: KpiDirection; baseline?: number | null };
          return `$property: ${kpiDirectionProblem(kpi.direction, kpi.baseline, args.value as number)}`;
        },
        ...options,
      },
      validator: {
        validate: (value: unknown, args) => {
          const kpi = args?.object as { direction?: KpiDirection; baseline?: number | null };
          if (!kpi?.direction || typeof value !== 'number') return true; // the field's own rules report these
          return kpiDirectionProblem(kpi.direction, kpi.baseline, value) === null;
        },
      },
    });
}

/**
 * The KPI's bounds hold (`kpiDefinitionBoundsProblems`): on `maxValue`, min <= max; on `baseline` and
 * `target`, the value lies within the bounds sent with it.
 */
export function WithinKpiBounds(options?: ValidationOptions): PropertyDecorator {
  const problemOf = (object: unknown, property: string) =>
    kpiDefinitionBoundsProblems(object as Parameters<typeof kpiDefinitionBoundsProblems>[0]).find((p) => p.field === property)?.message ?? null;
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'withinKpiBounds',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args) => problemOf(args.object, args.property) ?? '$property is outside the KPI bounds', ...options },
      validator: {
        validate: (value: unknown, args) => typeof value !== 'number' || !args || problemOf(args.object, args.property) === null,
      },
    });
}

/** Earliest moment the product accepts: nothing about an AI pilot predates this. */
export const EARLIEST_MOMENT = '2000-01-01';

/** A calendar date or ISO timestamp between 2000-01-01 and now (a backdated stage clock, say). */
export function IsPastMoment(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPastMoment',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a date or ISO timestamp between ${EARLIEST_MOMENT} and now`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) return false;
          const moment = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
          const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
          if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value.slice(0, 10)) return false;
          if (Number.isNaN(moment.getTime()) || moment < new Date(`${EARLIEST_MOMENT}T00:00:00Z`)) return false;
          // A bare date is someone's today while it has begun anywhere (Auckland's Monday starts on
          // Sunday in UTC); a timestamp is an instant and must have passed.
          return value.length === 10 ? value <= latestBegunDate(new Date()) : moment <= new Date();
        },
      },
    });
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

/**
 * Decimal places of a number as it is written, exponent included: 12.5 has 1, 4e-323 has 323, 1e21 has 0.
 * (class-validator's `maxDecimalPlaces` reads only the text after a '.', so 4e-323 threw instead of failing.)
 */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** A finite number with at most `places` decimal places (money: cents). */
export function HasAtMostDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasAtMostDecimals',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a number with at most ${places} decimal places`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places },
    });
}
