/**
 * Filtering by a stuck pattern: a pilot matches when its stored diagnosis names the pattern
 * (`pilot_diagnoses.pattern_keys`, the names of `patterns` kept beside them by a trigger).
 */

/** SQL condition: the pilot `pilotIdSql` is currently diagnosed with the pattern (a name) in parameter `param`. */
export function diagnosedWithSql(pilotIdSql: string, param: string): string {
  return `EXISTS (SELECT 1 FROM pilot_diagnoses pd WHERE pd.pilot_id = ${pilotIdSql} AND CAST(${param} AS text) = ANY(pd.pattern_keys))`;
}
