import { DEFAULT_THRESHOLDS, resolveThresholds, THRESHOLD_KEYS, THRESHOLD_LIMITS, validateThresholds } from './thresholds';

describe('thresholds', () => {
  it('has limits for every key, and the defaults respect them', () => {
    expect(Object.keys(THRESHOLD_LIMITS).sort()).toEqual([...THRESHOLD_KEYS].sort());
    expect(validateThresholds({ ...DEFAULT_THRESHOLDS })).toEqual([]);
  });

  it.each<[Record<string, unknown>, { field: string; message: string }[]]>([
    [{ silentDays: 21 }, []],
    [{ confidenceSlopePerWeek: -0.3, adoptionOutsideShareMin: 0.25 }, []],
    [{ silentDays: 0 }, [{ field: 'silentDays', message: 'must be between 1 and 90' }]],
    [{ silentDays: 91 }, [{ field: 'silentDays', message: 'must be between 1 and 90' }]],
    [{ silentDays: 1.5 }, [{ field: 'silentDays', message: 'must be an integer' }]],
    [{ silentDays: '14' }, [{ field: 'silentDays', message: 'must be a number' }]],
    [{ silentDays: Number.NaN }, [{ field: 'silentDays', message: 'must be a number' }]],
    [{ confidenceSlopePerWeek: 0.1 }, [{ field: 'confidenceSlopePerWeek', message: 'must be between -2 and 0' }]],
    [{ confidenceWindowUpdates: 2 }, [{ field: 'confidenceWindowUpdates', message: 'must be between 3 and 26' }]],
    [{ scaleReadinessMin: 101 }, [{ field: 'scaleReadinessMin', message: 'must be between 0 and 100' }]],
    [{ mystery: 1 }, [{ field: 'mystery', message: 'is not a known threshold' }]],
    // Replaced by one value per complexity.
    [{ stalledStageMonths: 3 }, [{ field: 'stalledStageMonths', message: 'is not a known threshold' }]],
    [{ stalledStageMonthsComplex: 37 }, [{ field: 'stalledStageMonthsComplex', message: 'must be between 1 and 36' }]],
    [{ valueToCostHurdle: 1.5, busyOnTrackShareMin: 0.6 }, []],
    [{ killConfidenceMax: 2.5 }, [{ field: 'killConfidenceMax', message: 'must be an integer' }]],
  ])('validates %p', (patch, errors) => {
    expect(validateThresholds(patch)).toEqual(errors);
  });

  it('overlays overrides on the defaults without touching them', () => {
    const resolved = resolveThresholds({ silentDays: 7, offTrackStreakUpdates: undefined });
    expect(resolved).toEqual({ ...DEFAULT_THRESHOLDS, silentDays: 7 });
    expect(DEFAULT_THRESHOLDS.silentDays).toBe(14);
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
  });
});
