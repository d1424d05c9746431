import {
  addIsoWeeks,
  compareIsoWeeks,
  dayStartNotAfter,
  isFutureWeek,
  isValidIsoWeek,
  latestBegunDate,
  latestBegunWeek,
  localIsoDateOf,
  localIsoWeekOf,
  isoWeekOf,
  isoWeekStart,
  isoWeeksBetween,
  weeksInIsoYear,
} from './iso-week';

describe('ISO weeks', () => {
  it.each([
    ['2026-W48', true],
    ['2026-W01', true],
    ['2026-W53', true], // 2026 starts on a Thursday: 53 weeks
    ['2026-W54', false],
    ['2025-W53', false],
    ['2020-W53', true], // leap year starting on Wednesday
    ['2026-W00', false],
    ['2026-48', false],
    ['26-W48', false],
    ['2026-w48', false],
    ['', false],
  ])('validates %s as %s', (week, valid) => {
    expect(isValidIsoWeek(week)).toBe(valid);
  });

  it('rejects non-strings', () => {
    expect(isValidIsoWeek(202648)).toBe(false);
    expect(isValidIsoWeek(null)).toBe(false);
  });

  it.each([
    [2026, 53],
    [2025, 52],
    [2020, 53],
    [2021, 52],
    [2015, 53],
  ])('knows %i has %i weeks', (year, weeks) => {
    expect(weeksInIsoYear(year)).toBe(weeks);
  });

  it.each([
    ['2026-11-25', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('puts %s in %s', (date, week) => {
    expect(isoWeekOf(new Date(`${date}T12:00:00Z`))).toBe(week);
  });

  it('starts weeks on Monday', () => {
    expect(isoWeekStart('2026-W48').toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(isoWeekStart('2025-W01').toISOString().slice(0, 10)).toBe('2024-12-30');
    expect(() => isoWeekStart('2026-W54')).toThrow(RangeError);
  });

  it('adds and measures weeks across year ends', () => {
    expect(addIsoWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addIsoWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addIsoWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(isoWeeksBetween('2025-W50', '2026-W02')).toBe(4);
    expect(compareIsoWeeks('2026-W02', '2025-W50')).toBeGreaterThan(0);
  });
});

describe('the latest week begun anywhere (what an update may be posted for)', () => {
  it.each([
    // Sunday 09:59 UTC: 23:59 on Sunday at UTC+14, so nobody is in the next week yet.
    ['2026-12-06T09:59:00Z', '2026-W49'],
    // Sunday 10:00 UTC: Monday 00:00 at UTC+14 (Auckland follows three hours later).
    ['2026-12-06T10:00:00Z', '2026-W50'],
    ['2026-12-07T00:00:00Z', '2026-W50'],
    // Across a year: Thursday 31 December 2026 at 11:00 UTC is already Friday 1 January 2027 at UTC+14, still week 53.
    ['2026-12-31T11:00:00Z', '2026-W53'],
    ['2027-01-03T10:00:00Z', '2027-W01'],
  ])('at %s it is %s', (instant, week) => {
    const now = new Date(instant);
    expect(latestBegunWeek(now)).toBe(week);
    expect(isFutureWeek(week, now)).toBe(false);
    expect(isFutureWeek(addIsoWeeks(week, 1), now)).toBe(true);
    expect(isFutureWeek(addIsoWeeks(week, -1), now)).toBe(false);
  });

  it.each([
    ['2026-12-06T09:59:00Z', '2026-12-06'],
    ['2026-12-06T10:00:00Z', '2026-12-07'],
    ['2026-12-31T10:00:00Z', '2027-01-01'],
  ])('at %s the latest date begun anywhere is %s', (instant, date) => {
    expect(latestBegunDate(new Date(instant))).toBe(date);
  });

  it('starts a date at its UTC midnight, or now while that is ahead', () => {
    const now = new Date('2026-12-06T11:00:00Z');
    expect(dayStartNotAfter('2026-12-06', now).toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(dayStartNotAfter('2026-12-07', now)).toEqual(now);
  });

  it('takes the calendar date of the runtime\'s own zone for the local date and week', () => {
    expect(localIsoDateOf(new Date(2026, 11, 7, 0, 30))).toBe('2026-12-07');
    expect(localIsoDateOf(new Date(2026, 11, 6, 23, 30))).toBe('2026-12-06');
    // Built from local parts, so it holds whatever zone the test runs in.
    expect(localIsoWeekOf(new Date(2026, 11, 7, 0, 30))).toBe('2026-W50');
    expect(localIsoWeekOf(new Date(2026, 11, 6, 23, 30))).toBe('2026-W49');
  });
});
