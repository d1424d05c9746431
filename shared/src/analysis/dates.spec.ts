import { addMonths, daysBetween, formatDay, utcDay, utcDayOf, wholeMonthsBetween } from './dates';

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

  it('rejects garbage, every time it is asked', () => {
    expect(() => utcDayOf('not a date')).toThrow(RangeError);
    expect(() => utcDayOf('not a date')).toThrow(RangeError);
  });

  it('gives the computed answer for every input, asked again or after many others (remembered answers)', () => {
    const start = Date.UTC(2020, 0, 1);
    for (let round = 0; round < 2; round++) {
      // More distinct inputs than either table keeps, so both are emptied on the way.
      for (let i = 0; i < 25_000; i++) {
        const time = start + i * 3_600_000 + 1234;
        const iso = new Date(time).toISOString();
        const expectedDay = Date.UTC(new Date(time).getUTCFullYear(), new Date(time).getUTCMonth(), new Date(time).getUTCDate());
        expect(utcDayOf(iso)).toBe(expectedDay);
        expect(formatDay(expectedDay)).toBe(iso.slice(0, 10));
      }
    }
  });
});
