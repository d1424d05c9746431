import type { Health } from '../../enums';
import { ctx, history, updatesEndingAt } from '../testing/history-builder';
import { offTrackStreak } from './off-track-streak';

const codes: Record<string, Health> = { o: 'on_track', r: 'at_risk', x: 'off_track' };
/** One letter per update ending 2026-W23: o = on track, r = at risk, x = off track. */
const healths = (pattern: string) => updatesEndingAt('2026-W23', [...pattern].map((c) => ({ health: codes[c] })));

describe('off_track_streak', () => {
  it.each([
    ['exactly S=4 troubled updates', 'oorrxx', true, 4],
    ['one below: 3', 'ooorxx', false, 3],
    ['all six', 'rrrxxx', true, 6],
    ['at risk only counts too', 'oorrrr', true, 4],
    ['broken by one on-track update', 'rrxoxx', false, 2],
    ['troubled earlier, recovered now', 'xxxxxo', false, 0],
    ['fewer updates than S', 'xxx', false, 3],
    ['no updates', '', false, 0],
  ])('%s (%s) -> %s', (_name, pattern, fires, streak) => {
    const results = offTrackStreak(history({ updates: healths(pattern) }), ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'off_track_streak', fires, evidence: { streak } });
  });

  it.each([
    [2, 'oooorx', true],
    [2, 'ooooor', false],
  ])('honours offTrackStreakUpdates=%i (%s)', (offTrackStreakUpdates, pattern, fires) => {
    expect(offTrackStreak(history({ updates: healths(pattern) }), ctx({ offTrackStreakUpdates }))[0].fires).toBe(fires);
  });

  it.each(['production', 'killed', 'pivoted', 'paused'] as const)('does not fire for %s pilots', (stage) => {
    expect(offTrackStreak(history({ pilot: { stage }, updates: healths('xxxxxx') }), ctx())[0].fires).toBe(false);
  });

  it('summarises the run', () => {
    const [result] = offTrackStreak(history({ updates: healths('orrrxx') }), ctx());
    expect(result.summary).toBe('Last 5 updates all at risk or off track since 2026-W19 (2 off track).');
  });
});

describe('off_track_streak since', () => {
  it.each([
    ['oorrxx', '2026-05-11'], // run W20..W23
    ['orrrxx', '2026-05-04'], // run W19..W23
    ['rrrxxx', '2026-04-27'], // the whole history
    ['ooorxx', undefined],
  ])('%s -> %s', (pattern, since) => {
    expect(offTrackStreak(history({ updates: healths(pattern) }), ctx())[0].since).toBe(since);
  });
});
