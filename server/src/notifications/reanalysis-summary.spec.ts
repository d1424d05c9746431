import { SUMMARY_MAX_PILOTS } from '@liftoff/shared';
import type { AnalysisChangedEvent, ImportCommittedEvent, StoredRecommendation, ThresholdsChangedEvent } from '../events/domain-events';
import type { FlagRow } from '../signals/flag.mapper';
import { joinSentences } from './event-text';
import { importCompletedEvent, reanalysisSummary, thresholdsChangedEvent } from './reanalysis-summary';

const committed: ImportCommittedEvent = { type: 'import.committed', kind: 'weekly-updates', fileName: 'week.csv', actorId: null, rowCount: 9, created: 5, updated: 3, unchanged: 1 };
const base = 'https://liftoff.example.org';

function flag(id: string, pilot: string, status: 'open' | 'resolved', summary = `sign ${id}`): FlagRow {
  return { id, pilot_id: pilot, pilot_name: `Pilot ${pilot}`, business_unit_id: 'unit', business_unit_name: 'Unit', stage: 'piloting', kind: 'silent', subject_key: '', status, summary, evidence: {}, condition_since: null, opened_at: new Date(), last_seen_at: new Date(), resolved_at: null };
}
const recommendation = (action: StoredRecommendation['action']): StoredRecommendation => ({ action, reasons: [], readinessScore: 50 });
const changes = (over: Partial<AnalysisChangedEvent>): AnalysisChangedEvent => ({ type: 'analysis.changed', openedFlagIds: [], resolvedFlagIds: [], recommendationChanges: [], ...over });

describe('reanalysisSummary and the events built on it', () => {
  it('counts signs opened (still open at commit) and resolved, and lists pilots with the most new signs first, then by name', () => {
    const flags = [flag('a1', 'A', 'open'), flag('b1', 'B', 'open'), flag('b2', 'B', 'open'), flag('c1', 'C', 'open'), flag('x', 'A', 'resolved'), flag('gone', 'C', 'resolved')];
    // `gone` opened and cleared again within the import: neither opened nor a resolution of an older sign.
    const summary = reanalysisSummary(changes({ openedFlagIds: ['a1', 'b1', 'b2', 'c1', 'gone'], resolvedFlagIds: ['x'] }), flags, base);
    const event = importCompletedEvent(committed, { id: 'p1', name: 'Ada' }, summary);
    expect(event.type).toBe('import.completed');
    expect(event.data).toMatchObject({ kind: 'weekly-updates', fileName: 'week.csv', importedBy: { id: 'p1', name: 'Ada' }, rowCount: 9, created: 5, updated: 3, unchanged: 1 });
    expect(event.data).toMatchObject({ stuckSignsOpened: 4, stuckSignsResolved: 1, newlyStuckCount: 3, stuckUrl: `${base}/stuck` });
    expect(event.data.newlyStuck.map((e) => [e.pilot.name, e.stuckSigns, e.url])).toEqual([
      ['Pilot B', ['sign b1', 'sign b2'], `${base}/pilots/B`],
      ['Pilot A', ['sign a1'], `${base}/pilots/A`],
      ['Pilot C', ['sign c1'], `${base}/pilots/C`],
    ]);
  });

  it(`names at most ${SUMMARY_MAX_PILOTS} pilots and counts the rest`, () => {
    const flags = Array.from({ length: 30 }, (_, i) => flag(`f${i}`, `P${String(i).padStart(2, '0')}`, 'open'));
    const summary = reanalysisSummary(changes({ openedFlagIds: flags.map((f) => f.id) }), flags, base);
    expect(summary.newlyStuckCount).toBe(30);
    expect(summary.newlyStuck).toHaveLength(SUMMARY_MAX_PILOTS);
    expect(summary.newlyStuck[0].pilot.name).toBe('Pilot P00');
  });

  it('counts each pilot whose recommendation changed once, by what it says last', () => {
    const recommendationChanges = [
      { pilotId: 'A', previous: null, current: recommendation('keep_piloting') },
      { pilotId: 'A', previous: recommendation('keep_piloting'), current: recommendation('scale') },
      { pilotId: 'B', previous: null, current: recommendation('kill') },
    ];
    const summary = reanalysisSummary(changes({ recommendationChanges }), [], base);
    expect(summary.recommendationsChanged).toBe(2);
    expect(summary.recommendationsNow).toEqual({ scale: 1, pivot: 0, kill: 1, keep_piloting: 0 });
    expect(summary).toMatchObject({ stuckSignsOpened: 0, stuckSignsResolved: 0, newlyStuckCount: 0, newlyStuck: [] });
  });

  it('names each changed threshold as the settings page does, beside the summary', () => {
    const changed: ThresholdsChangedEvent = { type: 'thresholds.changed', actorId: 'p1', changes: [{ key: 'silentDays', from: 14, to: 7 }] };
    const summary = reanalysisSummary(changes({}), [], base);
    const event = thresholdsChangedEvent(changed, { id: 'p1', name: 'Ada' }, summary, base);
    expect(event.type).toBe('thresholds.changed');
    expect(event.data).toEqual({ ...summary, changedBy: { id: 'p1', name: 'Ada' }, changes: [{ key: 'silentDays', label: 'Silent: days without an update', from: 14, to: 7 }], settingsUrl: `${base}/settings` });
  });
});

describe('joinSentences (stuck-sign summaries in one line of a message)', () => {
  it.each([
    [['In piloting for 9 months.', 'No update for 20 days.'], 'In piloting for 9 months. No update for 20 days.'],
    [['No sponsor named', 'Asked to scale twice?'], 'No sponsor named. Asked to scale twice?'],
    [[], ''],
  ])('%j reads %j', (parts, line) => {
    expect(joinSentences(parts)).toBe(line);
  });
});
