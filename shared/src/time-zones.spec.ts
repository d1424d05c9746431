import { isTimeZone, knownTimeZones } from './time-zones';

describe('isTimeZone', () => {
  it.each([
    ['Pacific/Auckland', true],
    ['America/Los_Angeles', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    [42, false],
    ['x'.repeat(65), false],
  ])('%s -> %s', (value, expected) => {
    expect(isTimeZone(value)).toBe(expected);
  });

  it('lists zones that all pass the check, UTC among them', () => {
    const zones = knownTimeZones();
    expect(zones).toContain('UTC');
    expect(zones.length).toBeGreaterThan(100);
    expect(zones.every(isTimeZone)).toBe(true);
  });
});
