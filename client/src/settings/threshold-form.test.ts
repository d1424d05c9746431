import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, THRESHOLD_KEYS, type ThresholdKey } from '@liftoff/shared';
import { thresholdErrors, toThresholdPatch } from './threshold-form';

const draftOf = (overrides: Partial<Record<ThresholdKey, string>> = {}) =>
  ({ ...Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, String(DEFAULT_THRESHOLDS[k])])), ...overrides }) as Record<ThresholdKey, string>;

describe('threshold form', () => {
  it('accepts the defaults', () => {
    expect(thresholdErrors(draftOf())).toEqual({});
  });

  it('checks range, integers and empty boxes with the shared rules', () => {
    expect(thresholdErrors(draftOf({ silentDays: '0', stalledStageMonthsTypical: '2.5', scaleReadinessMin: '' }))).toEqual({
      silentDays: ['Must be between 1 and 90'],
      stalledStageMonthsTypical: ['Must be an integer'],
      scaleReadinessMin: ['Must be a number'],
    });
  });

  it('sends only the thresholds that changed', () => {
    expect(toThresholdPatch(draftOf({ silentDays: '21' }), DEFAULT_THRESHOLDS)).toEqual({ silentDays: 21 });
  });
});
