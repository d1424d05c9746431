import type { Stage } from './enums';
import {
  currentWeekIn,
  escalationSteps,
  escalationDue,
  escalationGroup,
  isUpdateDue,
  localTime,
  reminderMomentReached,
  weeksMissing,
} from './reminders';

const AUCKLAND = 'Pacific/Auckland';
const LOS_ANGELES = 'America/Los_Angeles';
const THURSDAY_10 = { weekday: 4, hour: 10 };

describe('local time and week in a zone', () => {
  it.each([
    // Thursday 10:00 in Auckland (UTC+13 in December) is Wednesday 13:00 in Los Angeles (UTC-8).
    ['2026-12-09T21:00:00Z', AUCKLAND, { date: '2026-12-10', weekday: 4, hour: 10 }, '2026-W50'],
    ['2026-12-09T21:00:00Z', LOS_ANGELES, { date: '2026-12-09', weekday: 3, hour: 13 }, '2026-W50'],
    // Sunday noon UTC: Auckland is already in Monday of the next week, Los Angeles still in Sunday morning.
    ['2026-12-13T12:00:00Z', AUCKLAND, { date: '2026-12-14', weekday: 1, hour: 1 }, '2026-W51'],
    ['2026-12-13T12:00:00Z', LOS_ANGELES, { date: '2026-12-13', weekday: 7, hour: 4 }, '2026-W50'],
    ['2026-12-13T12:00:00Z', 'UTC', { date: '2026-12-13', weekday: 7, hour: 12 }, '2026-W50'],
    // Across a year boundary: 2026-12-31 is in week 53 of 2026.
    ['2027-01-01T05:00:00Z', LOS_ANGELES, { date: '2026-12-31', weekday: 4, hour: 21 }, '2026-W53'],
  ])('%s in %s', (instant, zone, expected, week) => {
    expect(localTime(new Date(instant), zone)).toEqual(expected);
    expect(currentWeekIn(new Date(instant), zone)).toBe(week);
  });
});

describe('reminderMomentReached (Thursday 10:00 in the person\'s zone)', () => {
  it.each([
    ['2026-12-09T20:59:00Z', AUCKLAND, false], // Thu 09:59 in Auckland
    ['2026-12-09T21:00:00Z', AUCKLAND, true], // Thu 10:00 in Auckland
    ['2026-12-09T21:00:00Z', LOS_ANGELES, false], // Wed 13:00 in Los Angeles
    ['2026-12-10T17:59:00Z', LOS_ANGELES, false], // Thu 09:59 in Los Angeles
    ['2026-12-10T18:00:00Z', LOS_ANGELES, true], // Thu 10:00 in Los Angeles
    ['2026-12-12T03:00:00Z', LOS_ANGELES, true], // Fri 19:00: a missed moment still counts later that week
    ['2026-12-13T12:00:00Z', LOS_ANGELES, true], // Sun 04:00, last day of the week
    ['2026-12-13T12:00:00Z', AUCKLAND, false], // Mon 01:00 of the next week: that week's moment is still ahead
  ])('%s in %s -> %s', (instant, zone, expected) => {
    expect(reminderMomentReached(new Date(instant), zone, THURSDAY_10)).toBe(expected);
  });

  it('does not skip an hour that daylight saving jumps over (Los Angeles, 2026-03-08 02:00 does not exist)', () => {
    const sunday2 = { weekday: 7, hour: 2 };
    expect(reminderMomentReached(new Date('2026-03-08T09:59:00Z'), LOS_ANGELES, sunday2)).toBe(false); // 01:59 PST
    expect(reminderMomentReached(new Date('2026-03-08T10:00:00Z'), LOS_ANGELES, sunday2)).toBe(true); // 03:00 PDT
  });

  it('follows the zone offset through a daylight-saving change (Auckland moves to UTC+13 on 2026-09-27)', () => {
    // Thursday 10:00 before the change is 22:00 UTC the day before; after it, 21:00 UTC.
    expect(reminderMomentReached(new Date('2026-09-23T21:59:00Z'), AUCKLAND, THURSDAY_10)).toBe(false);
    expect(reminderMomentReached(new Date('2026-09-23T22:00:00Z'), AUCKLAND, THURSDAY_10)).toBe(true);
    expect(reminderMomentReached(new Date('2026-09-30T20:59:00Z'), AUCKLAND, THURSDAY_10)).toBe(false);
    expect(reminderMomentReached(new Date('2026-09-30T21:00:00Z'), AUCKLAND, THURSDAY_10)).toBe(true);
  });
});

describe('isUpdateDue', () => {
  it.each<[Stage, boolean, boolean]>([
    ['proposed', false, true],
    ['piloting', false, true],
    ['scaling', false, true],
    ['piloting', true, false],
    ['paused', false, false],
    ['production', false, false],
    ['killed', false, false],
    ['pivoted', false, false],
  ])('%s, update for the week %s -> %s', (stage, hasUpdateForWeek, expected) => {
    expect(isUpdateDue({ stage, hasUpdateForWeek })).toBe(expected);
  });
});

describe('weeksMissing', () => {
  it.each([
    [{ lastUpdateWeek: '2026-W49', startDate: '2026-01-05' }, '2026-W50', 1],
    [{ lastUpdateWeek: '2026-W46', startDate: '2026-01-05' }, '2026-W50', 4],
    [{ lastUpdateWeek: '2026-W52', startDate: '2026-01-05' }, '2027-W02', 3],
    [{ lastUpdateWeek: null, startDate: '2026-12-07' }, '2026-W50', 1],
    [{ lastUpdateWeek: null, startDate: '2026-11-23' }, '2026-W50', 3],
    [{ lastUpdateWeek: null, startDate: '2027-02-01' }, '2026-W50', 1], // starts later: this week only
  ])('%j in %s -> %d', (pilot, week, expected) => {
    expect(weeksMissing(pilot, week)).toBe(expected);
  });
});

describe('escalation', () => {
  const schedule = { sponsorGraceDays: 2, officeGraceDays: 3 };
  const reminded = new Date('2026-12-09T21:00:00Z');

  it('goes to the sponsor after the first grace and the program office after both', () => {
    expect(escalationSteps(reminded, true, schedule)).toEqual([
      { level: 'sponsor', step: 1, deadline: new Date('2026-12-11T21:00:00Z') },
      { level: 'program_office', step: 2, deadline: new Date('2026-12-14T21:00:00Z') },
    ]);
  });

  it('goes straight to the program office after the first grace when the pilot has no sponsor', () => {
    expect(escalationSteps(reminded, false, schedule)).toEqual([{ level: 'program_office', step: 1, deadline: new Date('2026-12-11T21:00:00Z') }]);
  });

  it.each([
    ['2026-12-11T20:59:00Z', false],
    ['2026-12-11T21:00:00Z', true],
    ['2026-12-18T20:59:00Z', true],
    ['2026-12-18T21:00:00Z', false], // a week late: stale, not sent
  ])('a deadline of 2026-12-11T21:00Z at %s -> %s', (instant, expected) => {
    expect(escalationDue(new Date('2026-12-11T21:00:00Z'), new Date(instant))).toBe(expected);
  });

  it('groups the deadlines of one week across zones into the first message', () => {
    const auckland = { name: 'auckland', deadline: new Date('2026-12-11T21:00:00Z') };
    const losAngeles = { name: 'los angeles', deadline: new Date('2026-12-12T18:00:00Z') };
    const nextWeek = { name: 'next week', deadline: new Date('2026-12-18T21:00:00Z') };
    const items = [auckland, losAngeles, nextWeek];
    expect(escalationGroup(items, new Date('2026-12-11T20:00:00Z'))).toEqual([]);
    expect(escalationGroup(items, new Date('2026-12-11T21:00:00Z')).map((i) => i.name)).toEqual(['auckland', 'los angeles']);
  });
});
