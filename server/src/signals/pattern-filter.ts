import type { Pattern } from '@liftoff/shared';

/**
 * Filtering by a stuck pattern: a pilot matches when its stored diagnosis (`pilot_diagnoses.patterns`,
 * an array of `{ pattern, confidence, … }`) contains an entry for the pattern.
 */

/** The jsonb parameter to pass for `diagnosedWithSql`. */
export function patternContainment(pattern: Pattern): string {
  return JSON.stringify([{ pattern }]);
}

/** SQL condition: the pilot `pilotIdSql` is currently diagnosed with the pattern in parameter `param`. */
export function diagnosedWithSql(pilotIdSql: string, param: string): string {
  return `EXISTS (SELECT 1 FROM pilot_diagnoses pd WHERE pd.pilot_id = ${pilotIdSql} AND pd.patterns @> CAST(${param} AS jsonb))`;
}
