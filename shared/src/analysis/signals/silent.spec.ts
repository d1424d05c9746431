import { ctx, history, update } from '../testing/history-builder';
import { silent } from './silent';

const at = (week: string, createdAt: string) => update(week, { createdAt });

describe('silent', () => {
  it.each([
    // name, last update createdAt, expected fires (today is 2026-06-10T12:00Z)
    ['exactly 14 days, earlier time of day', '2026-05-27T08:00:00Z', true],
    ['exactly 14 days, later time of day', '2026-05-27T23:30:00Z', true],
    ['13 days', '2026-05-28T00:30:00Z', false],
    ['30 days', '2026-05-11T10:00:00Z', true],
    ['posted today', '2026-06-10T09:00:00Z', false],
  ])('%s -> %s', (_name, createdAt, fires) => {
    const h = history({ pilot: { stageEnteredAt: '2026-04-01T09:00:00Z' }, updates: [at('2026-W20', createdAt)] });
    const results = silent(h, ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'silent', fires });
  });

  it('uses the latest createdAt, not the latest week (a backfilled update is a sign of life)', () => {
    const h = history({
      updates: [at('2026-W18', '2026-06-08T10:00:00Z'), at('2026-W20', '2026-05-15T10:00:00Z')],
    });
    const [result] = silent(h, ctx());
    expect(result.fires).toBe(false);
    expect(result.evidence).toMatchObject({ days: 2, lastUpdateWeek: '2026-W18', countedFrom: 'last_update' });
  });

  it.each([
    ['no updates, entered 14 days ago', '2026-05-27T09:00:00Z', [], true],
    ['no updates, entered 13 days ago', '2026-05-28T09:00:00Z', [], false],
    ['resumed 5 days ago after a 40-day-old update', '2026-06-05T09:00:00Z', [at('2026-W17', '2026-05-01T10:00:00Z')], false],
  ])('%s -> %s', (_name, stageEnteredAt, updates, fires) => {
    const [result] = silent(history({ pilot: { stageEnteredAt }, updates }), ctx());
    expect(result.fires).toBe(fires);
  });

  it.each([
    ['piloting', true],
    ['scaling', true],
    ['proposed', false],
    ['paused', false],
    ['production', false],
    ['killed', false],
  ] as const)('in %s -> %s', (stage, fires) => {
    const h = history({ pilot: { stage, stageEnteredAt: '2026-01-01T00:00:00Z' }, updates: [at('2026-W10', '2026-03-06T10:00:00Z')] });
    expect(silent(h, ctx())[0].fires).toBe(fires);
  });

  it.each([
    [7, '2026-06-03T10:00:00Z', true],
    [7, '2026-06-04T10:00:00Z', false],
  ])('honours silentDays=%i (last posted %s)', (silentDays, createdAt, fires) => {
    const h = history({ updates: [at('2026-W22', createdAt)] });
    expect(silent(h, ctx({ silentDays }))[0].fires).toBe(fires);
  });

  it('says how long and since when', () => {
    const [result] = silent(history({ updates: [at('2026-W20', '2026-05-15T10:00:00Z')] }), ctx());
    expect(result.summary).toBe('No weekly update for 26 days since 2026-05-15 (last update: 2026-W20).');
  });
});

describe('silent since', () => {
  it.each([
    ['the day of the last posting', '2026-04-01T09:00:00Z', [at('2026-W19', '2026-05-11T10:00:00Z')], '2026-05-11'],
    ['a late posting counts by when it was posted', '2026-04-01T09:00:00Z', [at('2026-W14', '2026-05-12T10:00:00Z'), at('2026-W19', '2026-05-11T10:00:00Z')], '2026-05-12'],
    ['stage entry after a resume', '2026-05-20T09:00:00Z', [at('2026-W17', '2026-05-01T10:00:00Z')], '2026-05-20'],
    ['stage entry without updates', '2026-05-27T09:00:00Z', [], '2026-05-27'],
    ['not silent yet', '2026-04-01T09:00:00Z', [at('2026-W22', '2026-06-01T10:00:00Z')], undefined],
  ])('%s', (_name, stageEnteredAt, updates, since) => {
    expect(silent(history({ pilot: { stageEnteredAt }, updates }), ctx())[0].since).toBe(since);
  });
});
