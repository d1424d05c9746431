import { addMonths, daysBetween, utcDay, utcDayOf, wholeMonthsBetween } from './dates';

const day = (iso: string) => utcDayOf(iso);

describe('calendar arithmetic (UTC)', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-10', 14, '2028-02-10'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addMonths(day(from), months)).toBe(day(to));
  });

  it.each([
    ['2026-01-15', '2026-04-14', 2],
    ['2026-01-15', '2026-04-15', 3],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-05-01', '2026-04-01', 0],
  ])('whole months from %s to %s = %i', (from, to, months) => {
    expect(wholeMonthsBetween(day(from), day(to))).toBe(months);
  });

  it('ignores the time of day and the offset of timestamps', () => {
    expect(utcDayOf('2026-06-10T23:59:59Z')).toBe(day('2026-06-10'));
    expect(utcDayOf('2026-06-10T01:00:00+02:00')).toBe(day('2026-06-09'));
    expect(utcDay(new Date('2026-06-10T12:00:00Z'))).toBe(day('2026-06-10'));
    expect(daysBetween(day('2026-03-28'), day('2026-03-30'))).toBe(2);
  });

  it('rejects garbage', () => {
    expect(() => utcDayOf('not a date')).toThrow(RangeError);
  });
});
