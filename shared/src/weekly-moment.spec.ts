import { startOfZonedDay, weekBefore, weeklyMoment, zonedClock } from './weekly-moment';

describe('zonedClock', () => {
  it('reads the wall clock of the zone, not of the server', () => {
    const instant = new Date('2026-12-06T23:30:00Z'); // a Sunday in UTC
    expect(zonedClock(instant, 'UTC')).toEqual({ day: '2026-12-06', hour: 23, weekday: 7 });
    expect(zonedClock(instant, 'Pacific/Auckland')).toEqual({ day: '2026-12-07', hour: 12, weekday: 1 });
    expect(zonedClock(instant, 'America/Los_Angeles')).toEqual({ day: '2026-12-06', hour: 15, weekday: 7 });
  });
});

describe('weeklyMoment (Monday 08:00)', () => {
  it('is due from the hour on, on the weekday of the person’s own clock', () => {
    // Monday 2026-12-07 07:59 in Berlin (UTC+1) is not yet due; 08:00 is.
    expect(weeklyMoment(new Date('2026-12-07T06:59:00Z'), 'Europe/Berlin', 1, 8)).toEqual({ week: '2026-W50', day: '2026-12-07', due: false });
    expect(weeklyMoment(new Date('2026-12-07T07:00:00Z'), 'Europe/Berlin', 1, 8)).toEqual({ week: '2026-W50', day: '2026-12-07', due: true });
  });

  it('is in a different week for someone whose Monday has already begun', () => {
    const sundayEveningUtc = new Date('2026-12-06T20:00:00Z');
    expect(weeklyMoment(sundayEveningUtc, 'UTC', 1, 8)).toEqual({ week: '2026-W49', day: '2026-11-30', due: true });
    // Auckland (UTC+13) is at Monday 09:00 already.
    expect(weeklyMoment(sundayEveningUtc, 'Pacific/Auckland', 1, 8)).toEqual({ week: '2026-W50', day: '2026-12-07', due: true });
  });

  it('stays due for the rest of the week and not before the weekday', () => {
    expect(weeklyMoment(new Date('2026-12-10T12:00:00Z'), 'UTC', 3, 8).due).toBe(true); // Thursday, Wednesday's moment passed
    expect(weeklyMoment(new Date('2026-12-08T12:00:00Z'), 'UTC', 3, 8).due).toBe(false); // Tuesday
  });
});

describe('startOfZonedDay', () => {
  it('is the local midnight, across DST changes', () => {
    expect(startOfZonedDay('2026-12-07', 'UTC').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(startOfZonedDay('2026-12-07', 'Europe/Berlin').toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(startOfZonedDay('2026-07-07', 'Europe/Berlin').toISOString()).toBe('2026-07-06T22:00:00.000Z');
    expect(startOfZonedDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z'); // the day clocks go forward
    expect(startOfZonedDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfZonedDay('2026-12-07', 'America/New_York').toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });
});

describe('weekBefore', () => {
  it('is the seven days before the digest day, both ends included', () => {
    expect(weekBefore('2026-12-07')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekBefore('2027-01-04')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
});
