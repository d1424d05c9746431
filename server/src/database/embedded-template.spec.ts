import { templateKindFor, utcDayString } from './embedded-template';

describe('which build template fills a new embedded data folder', () => {
  const seededAt = new Date('2026-12-06T09:30:00Z');
  const manifest = { demoDay: utcDayString(seededAt) };

  it('is the demo template on the UTC day it was seeded, whatever the hour', () => {
    expect(templateKindFor(manifest, true, new Date('2026-12-06T09:31:00Z'), true)).toBe('demo');
    expect(templateKindFor(manifest, true, new Date('2026-12-06T23:59:59Z'), true)).toBe('demo');
  });

  it('is the bare schema once the day is over: the demo, counted back from today, is then seeded at start', () => {
    expect(templateKindFor(manifest, true, new Date('2026-12-07T00:00:00Z'), true)).toBe('schema');
    expect(templateKindFor(manifest, true, new Date('2027-01-15T12:00:00Z'), true)).toBe('schema');
  });

  it('is the bare schema when the demo is not wanted (SEED_DEMO=false)', () => {
    expect(templateKindFor(manifest, false, seededAt, true)).toBe('schema');
  });

  it('is the bare schema when the build made no demo template', () => {
    expect(templateKindFor(manifest, true, seededAt, false)).toBe('schema');
    expect(templateKindFor({}, true, seededAt, true)).toBe('schema');
  });

  it('counts days in UTC, as the demo clock does', () => {
    expect(utcDayString(new Date('2026-12-06T23:30:00-02:00'))).toBe('2026-12-07');
  });
});
