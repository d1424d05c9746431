import { blocker, ctx, history, updatesEndingAt } from '../testing/history-builder';
import type { HistoryUpdate } from '../types';
import { repeatedBlocker } from './repeated-blocker';

/** One character per week ending 2026-W23: x = mentions b1, - = update without it, _ = no update. */
function timeline(pattern: string): HistoryUpdate[] {
  const entries = [...pattern].map((c) => (c === '_' ? null : { blockerIds: c === 'x' ? ['b1'] : [] }));
  return updatesEndingAt('2026-W23', entries);
}

describe('repeated_blocker', () => {
  it.each([
    // name, mentions, firstSeenWeek, expected fires
    ['exactly N=3 consecutive mentions', '---xxx', '2026-W21', true],
    ['one below: 2 consecutive mentions', '----xx', '2026-W22', false],
    ['5 consecutive mentions', '-xxxxx', '2026-W19', true],
    ['run broken by an update without it', '--xx-x', '2026-W20', false],
    ['run counted back from the latest mention, even if not mentioned lately', 'xxx---', '2026-W18', true],
    ['a skipped week does not break the run', '-xx_x', '2026-W20', true],
    ['open exactly W=6 weeks, 1 mention', '-----x', '2026-W18', false],
    ['open W+1=7 weeks, 1 mention', '-----x', '2026-W17', true],
    ['never mentioned in updates but open 10 weeks', '------', '2026-W14', true],
    ['never mentioned and new', '------', '2026-W23', false],
  ])('%s: %s', (_name, pattern, firstSeenWeek, fires) => {
    const h = history({ updates: timeline(pattern), blockers: [blocker('b1', { firstSeenWeek })] });
    const results = repeatedBlocker(h, ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'repeated_blocker', fires, subjectKey: 'b1' });
  });

  it.each([
    [{ repeatedBlockerConsecutiveUpdates: 4 }, '--xxxx', true],
    [{ repeatedBlockerConsecutiveUpdates: 4 }, '---xxx', false],
    [{ repeatedBlockerOpenWeeks: 2 }, '-----x', true], // first seen W21: open 3 weeks > 2
    [{ repeatedBlockerOpenWeeks: 3 }, '-----x', false],
  ])('honours thresholds %p with %s', (thresholds, pattern, fires) => {
    const h = history({ updates: timeline(pattern), blockers: [blocker('b1', { firstSeenWeek: '2026-W21' })] });
    expect(repeatedBlocker(h, ctx(thresholds))[0].fires).toBe(fires);
  });

  it.each([
    ['---xxx', '2026-W21', "'Blocker b1' reported in 3 consecutive updates since 2026-W21."],
    ['-----x', '2026-W16', "'Blocker b1' open for 8 weeks since 2026-W16."],
    ['---xxx', '2026-W10', "'Blocker b1' reported in 3 consecutive updates since 2026-W21, open for 14 weeks since 2026-W10."],
  ])('summarises %s first seen %s', (pattern, firstSeenWeek, summary) => {
    const h = history({ updates: timeline(pattern), blockers: [blocker('b1', { firstSeenWeek })] });
    expect(repeatedBlocker(h, ctx())[0].summary).toBe(summary);
  });

  it('explains the evidence in one sentence and in structured form', () => {
    const h = history({
      updates: timeline('xxxxxxx'),
      blockers: [blocker('b1', { text: 'Security review pending', category: 'security_compliance', firstSeenWeek: '2026-W17' })],
    });
    const [result] = repeatedBlocker(h, ctx());
    expect(result.summary).toBe(
      "'Security review pending' reported in 7 consecutive updates and open for 7 weeks since 2026-W17.",
    );
    expect(result.evidence).toMatchObject({
      blockerId: 'b1',
      category: 'security_compliance',
      consecutiveUpdates: 7,
      since: '2026-W17',
      openWeeks: 7,
      byStreak: true,
      byAge: true,
    });
  });

  it('returns one result per open blocker and skips resolved ones', () => {
    const updates = updatesEndingAt('2026-W23', [
      { blockerIds: ['b1', 'b2', 'b3'] },
      { blockerIds: ['b1', 'b2', 'b3'] },
      { blockerIds: ['b1', 'b3'] },
    ]);
    const h = history({
      updates,
      blockers: [
        blocker('b1', { firstSeenWeek: '2026-W21' }),
        blocker('b2', { firstSeenWeek: '2026-W21' }),
        blocker('b3', { firstSeenWeek: '2026-W21', status: 'resolved', resolvedAt: '2026-06-05T00:00:00Z' }),
      ],
    });
    const results = repeatedBlocker(h, ctx());
    expect(results.map((r) => [r.subjectKey, r.fires])).toEqual([
      ['b1', true],
      ['b2', false],
    ]);
  });

  it('does not age a blocker while the pilot is paused', () => {
    // Paused from Monday 16 March (W12) to Monday 18 May (W21): nine weeks that do not count.
    const stageChanges = [
      { fromStage: 'proposed' as const, toStage: 'piloting' as const, changedAt: '2026-01-05T09:00:00Z' },
      { fromStage: 'piloting' as const, toStage: 'paused' as const, changedAt: '2026-03-16T09:00:00Z' },
      { fromStage: 'paused' as const, toStage: 'piloting' as const, changedAt: '2026-05-18T09:00:00Z' },
    ];
    const h = (firstSeenWeek: string) => history({ updates: timeline('------'), blockers: [blocker('b1', { firstSeenWeek })], stageChanges });
    // First seen W12, 12 weeks ago, all but 3 of them paused (was: fires at 12 weeks).
    expect(repeatedBlocker(h('2026-W12'), ctx())[0]).toMatchObject({ fires: false, evidence: { openWeeks: 3, pausedWeeks: 9 } });
    expect(repeatedBlocker(h('2026-W10'), ctx())[0]).toMatchObject({ fires: false, evidence: { openWeeks: 5, pausedWeeks: 9 } });
    expect(repeatedBlocker(h('2026-W05'), ctx())[0]).toMatchObject({ fires: true, evidence: { openWeeks: 10, pausedWeeks: 9 } });
  });

  it.each(['production', 'killed', 'pivoted', 'paused'] as const)('does not evaluate %s pilots', (stage) => {
    const h = history({ pilot: { stage }, updates: timeline('xxxxxx'), blockers: [blocker('b1')] });
    expect(repeatedBlocker(h, ctx())).toEqual([]);
  });
});

describe('repeated_blocker since', () => {
  it.each([
    // mentions, firstSeenWeek, expected since (the Monday the firing reason starts from)
    ['---xxx', '2026-W21', '2026-05-18'], // streak only: its first week
    ['xxx---', '2026-W18', '2026-04-27'], // streak only, counted back from the latest mention
    ['-----x', '2026-W16', '2026-04-13'], // age only: first sighting
    ['---xxx', '2026-W10', '2026-03-02'], // both: the earlier, the first sighting
    ['----xx', '2026-W22', undefined], // quiet: no start
  ])('%s first seen %s -> %s', (pattern, firstSeenWeek, since) => {
    const h = history({ updates: timeline(pattern), blockers: [blocker('b1', { firstSeenWeek })] });
    expect(repeatedBlocker(h, ctx())[0].since).toBe(since);
  });
});
