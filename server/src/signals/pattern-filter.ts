import type { Pattern } from '@liftoff/shared';

/**
 * Filtering by a stuck pattern: a pilot matches when its stored diagnosis names the pattern
 * (`pilot_diagnoses.pattern_keys`, the names of `patterns` kept beside them by a trigger).
 */

/** The parameter to pass for `diagnosedWithSql`. */
export function patternContainment(pattern: Pattern): string {
  return pattern;
}

/** SQL condition: the pilot `pilotIdSql` is currently diagnosed with the pattern in parameter `param`. */
export function diagnosedWithSql(pilotIdSql: string, param: string): string {
  return `EXISTS (SELECT 1 FROM pilot_diagnoses pd WHERE pd.pilot_id = ${pilotIdSql} AND CAST(${param} AS text) = ANY(pd.pattern_keys))`;
}
