/**
 * Tunable thresholds of the signal rules and patterns. The program office may change them; the
 * server validates a change against `THRESHOLD_LIMITS` with `validateThresholds`.
 */
import type { Complexity } from '../enums';

export interface SignalThresholds {
  /** repeated_blocker: consecutive updates that report the same open blocker. */
  repeatedBlockerConsecutiveUpdates: number;
  /** repeated_blocker: weeks a blocker may stay open (fires when strictly more). */
  repeatedBlockerOpenWeeks: number;
  /** stalled_stage: months of active time (pauses excluded) in proposed / piloting / scaling, best complexity. */
  stalledStageMonthsBest: number;
  /** stalled_stage: the same for typical complexity. */
  stalledStageMonthsTypical: number;
  /** stalled_stage: the same for complex pilots. */
  stalledStageMonthsComplex: number;
  /** pilot_timebox: months of active time a pilot may spend in piloting, whatever its complexity. */
  pilotTimeboxMonths: number;
  /** busy_not_progressing: latest updates looked at (one a week, so also the weeks). */
  busyNotProgressingUpdates: number;
  /** busy_not_progressing: minimum share of those updates that report on track. */
  busyOnTrackShareMin: number;
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
  /** Kill from the data: annual value at scale below cost to scale times this (1 = pays back in a year). */
  valueToCostHurdle: number;
  /** Kill past the timeline: confidence at or below this level counts as low. */
  killConfidenceMax: number;
}

export type ThresholdKey = keyof SignalThresholds;

export const DEFAULT_THRESHOLDS: Readonly<SignalThresholds> = Object.freeze({
  repeatedBlockerConsecutiveUpdates: 3,
  repeatedBlockerOpenWeeks: 6,
  stalledStageMonthsBest: 2,
  stalledStageMonthsTypical: 4,
  stalledStageMonthsComplex: 6,
  pilotTimeboxMonths: 6,
  busyNotProgressingUpdates: 8,
  busyOnTrackShareMin: 0.75,
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
  valueToCostHurdle: 1,
  killConfidenceMax: 2,
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
  stalledStageMonthsBest: { min: 1, max: 24, integer: true },
  stalledStageMonthsTypical: { min: 1, max: 24, integer: true },
  stalledStageMonthsComplex: { min: 1, max: 36, integer: true },
  pilotTimeboxMonths: { min: 1, max: 36, integer: true },
  busyNotProgressingUpdates: { min: 3, max: 52, integer: true },
  busyOnTrackShareMin: { min: 0, max: 1, integer: false },
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
  valueToCostHurdle: { min: 0, max: 20, integer: false },
  killConfidenceMax: { min: 1, max: 5, integer: true },
});

/** How the settings page and notifications name each threshold. */
export const THRESHOLD_LABELS: Record<ThresholdKey, string> = {
  repeatedBlockerConsecutiveUpdates: 'Repeated blocker: consecutive updates',
  repeatedBlockerOpenWeeks: 'Repeated blocker: weeks open',
  stalledStageMonthsBest: 'No stage progress: months (best case)',
  stalledStageMonthsTypical: 'No stage progress: months (typical case)',
  stalledStageMonthsComplex: 'No stage progress: months (complex case)',
  pilotTimeboxMonths: 'Pilot timebox: months of piloting',
  busyNotProgressingUpdates: 'Busy, not progressing: latest updates',
  busyOnTrackShareMin: 'Busy, not progressing: minimum share on track',
  silentDays: 'Silent: days without an update',
  confidenceWindowUpdates: 'Falling confidence: updates in the trend',
  confidenceSlopePerWeek: 'Falling confidence: slope per week below',
  offTrackStreakUpdates: 'Red streak: updates at risk or off track',
  scaleQuestionCount: 'Scale question: times asked',
  scaleQuestionWindowWeeks: 'Scale question: within weeks',
  resourcesRedirectedWindowUpdates: 'Resources redirected: latest updates',
  adoptionOutsideShareMin: 'Adoption: minimum share of users outside the team',
  adoptionWindowUpdates: 'Adoption: latest updates checked',
  scaleReadinessMin: 'Scale queue: readiness score from',
  valueToCostHurdle: 'Kill: value at scale below cost to scale times',
  killConfidenceMax: 'Kill past the timeline: confidence at most',
};

/** The stalled_stage threshold of a complexity. */
export function stalledStageMonthsFor(thresholds: SignalThresholds, complexity: Complexity): number {
  if (complexity === 'best') return thresholds.stalledStageMonthsBest;
  if (complexity === 'complex') return thresholds.stalledStageMonthsComplex;
  return thresholds.stalledStageMonthsTypical;
}

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
