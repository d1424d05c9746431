/**
 * Tunable thresholds of the signal rules and patterns. The program office may change them; the
 * server validates a change against `THRESHOLD_LIMITS` with `validateThresholds`.
 */

export interface SignalThresholds {
  /** repeated_blocker: consecutive updates that report the same open blocker. */
  repeatedBlockerConsecutiveUpdates: number;
  /** repeated_blocker: weeks a blocker may stay open (fires when strictly more). */
  repeatedBlockerOpenWeeks: number;
  /** stalled_stage: calendar months without a stage change. */
  stalledStageMonths: number;
  /** silent: days without an update. */
  silentDays: number;
  /** confidence_decline: number of latest updates the slope is fitted on. */
  confidenceWindowUpdates: number;
  /** confidence_decline: fires when the slope (points per ISO week) is strictly below this. */
  confidenceSlopePerWeek: number;
  /** off_track_streak: latest updates that must all be at risk or off track. */
  offTrackStreakUpdates: number;
  /** scale_question_unanswered: how many updates raised the question... */
  scaleQuestionCount: number;
  /** ...within this many ISO weeks, counting today's week. */
  scaleQuestionWindowWeeks: number;
  /** resources_redirected: latest updates looked at. */
  resourcesRedirectedWindowUpdates: number;
  /** enthusiast_only_adoption: minimum share of active users from outside the pilot team. */
  adoptionOutsideShareMin: number;
  /** enthusiast_only_adoption: latest updates (with users) that must all be below the share. */
  adoptionWindowUpdates: number;
  /** Minimum readiness score for the scale queue. */
  scaleReadinessMin: number;
}

export type ThresholdKey = keyof SignalThresholds;

export const DEFAULT_THRESHOLDS: Readonly<SignalThresholds> = Object.freeze({
  repeatedBlockerConsecutiveUpdates: 3,
  repeatedBlockerOpenWeeks: 6,
  stalledStageMonths: 3,
  silentDays: 14,
  confidenceWindowUpdates: 6,
  confidenceSlopePerWeek: -0.15,
  offTrackStreakUpdates: 4,
  scaleQuestionCount: 2,
  scaleQuestionWindowWeeks: 8,
  resourcesRedirectedWindowUpdates: 4,
  adoptionOutsideShareMin: 0.2,
  adoptionWindowUpdates: 4,
  scaleReadinessMin: 70,
});

export interface ThresholdLimit {
  min: number;
  max: number;
  integer: boolean;
}

/** Inclusive bounds. Lower bounds keep each rule meaningful (e.g. a slope needs 3 points). */
export const THRESHOLD_LIMITS: Readonly<Record<ThresholdKey, ThresholdLimit>> = Object.freeze({
  repeatedBlockerConsecutiveUpdates: { min: 2, max: 26, integer: true },
  repeatedBlockerOpenWeeks: { min: 1, max: 52, integer: true },
  stalledStageMonths: { min: 1, max: 24, integer: true },
  silentDays: { min: 1, max: 90, integer: true },
  confidenceWindowUpdates: { min: 3, max: 26, integer: true },
  confidenceSlopePerWeek: { min: -2, max: 0, integer: false },
  offTrackStreakUpdates: { min: 2, max: 26, integer: true },
  scaleQuestionCount: { min: 1, max: 10, integer: true },
  scaleQuestionWindowWeeks: { min: 1, max: 26, integer: true },
  resourcesRedirectedWindowUpdates: { min: 1, max: 26, integer: true },
  adoptionOutsideShareMin: { min: 0, max: 1, integer: false },
  adoptionWindowUpdates: { min: 1, max: 26, integer: true },
  scaleReadinessMin: { min: 0, max: 100, integer: true },
});

export const THRESHOLD_KEYS = Object.keys(DEFAULT_THRESHOLDS) as ThresholdKey[];

export function isThresholdKey(key: string): key is ThresholdKey {
  return (THRESHOLD_KEYS as string[]).includes(key);
}

export interface ThresholdError {
  field: string;
  message: string;
}

/**
 * Checks a (partial) settings body: unknown keys, non-numbers, non-integers and out-of-range values
 * are reported. Returns an empty list when the patch is valid.
 */
export function validateThresholds(patch: Record<string, unknown>): ThresholdError[] {
  const errors: ThresholdError[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (!isThresholdKey(field)) {
      errors.push({ field, message: 'is not a known threshold' });
      continue;
    }
    const limit = THRESHOLD_LIMITS[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field, message: 'must be a number' });
    } else if (limit.integer && !Number.isInteger(value)) {
      errors.push({ field, message: 'must be an integer' });
    } else if (value < limit.min || value > limit.max) {
      errors.push({ field, message: `must be between ${limit.min} and ${limit.max}` });
    }
  }
  return errors;
}

/** Defaults overlaid with stored overrides (undefined entries keep the default). */
export function resolveThresholds(overrides: Partial<SignalThresholds> = {}): SignalThresholds {
  const resolved: SignalThresholds = { ...DEFAULT_THRESHOLDS };
  for (const key of THRESHOLD_KEYS) {
    const value = overrides[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}
