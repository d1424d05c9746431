import { IMPORT_SUMMARY_MAX_PILOTS } from '@liftoff/shared';
import type { AnalysisChangedEvent, ImportCommittedEvent, StoredRecommendation } from '../events/domain-events';
import type { FlagRow } from '../signals/flag.mapper';
import { importSummaryEvent } from './import-summary';

const committed: ImportCommittedEvent = { type: 'import.committed', kind: 'weekly-updates', fileName: 'week.csv', actorId: null, rowCount: 9, created: 5, updated: 3, unchanged: 1 };
const base = 'https://liftoff.example.org';

function flag(id: string, pilot: string, status: 'open' | 'resolved', summary = `sign ${id}`): FlagRow {
  return { id, pilot_id: pilot, pilot_name: `Pilot ${pilot}`, business_unit_id: 'unit', business_unit_name: 'Unit', stage: 'piloting', kind: 'silence', subject_key: '', status, summary, evidence: {}, condition_since: null, opened_at: new Date(), last_seen_at: new Date(), resolved_at: null };
}
const recommendation = (action: StoredRecommendation['action']): StoredRecommendation => ({ action, reasons: [], readinessScore: 50 });
const changes = (over: Partial<AnalysisChangedEvent>): AnalysisChangedEvent => ({ type: 'analysis.changed', openedFlagIds: [], resolvedFlagIds: [], recommendationChanges: [], ...over });

describe('importSummaryEvent', () => {
  it('counts signs opened (still open at commit) and resolved, and lists pilots with the most new signs first, then by name', () => {
    const flags = [flag('a1', 'A', 'open'), flag('b1', 'B', 'open'), flag('b2', 'B', 'open'), flag('c1', 'C', 'open'), flag('x', 'A', 'resolved'), flag('gone', 'C', 'resolved')];
    // `gone` opened and cleared again within the import: neither opened nor a resolution of an older sign.
    const event = importSummaryEvent({ committed, importedBy: { id: 'p1', name: 'Ada' }, changes: changes({ openedFlagIds: ['a1', 'b1', 'b2', 'c1', 'gone'], resolvedFlagIds: ['x'] }), flags, base });
    expect(event.type).toBe('import.completed');
    expect(event.data).toMatchObject({ kind: 'weekly-updates', fileName: 'week.csv', importedBy: { id: 'p1', name: 'Ada' }, rowCount: 9, created: 5, updated: 3, unchanged: 1 });
    expect(event.data).toMatchObject({ stuckSignsOpened: 4, stuckSignsResolved: 1, newlyStuckCount: 3, stuckUrl: `${base}/stuck` });
    expect(event.data.newlyStuck.map((e) => [e.pilot.name, e.stuckSigns, e.url])).toEqual([
      ['Pilot B', ['sign b1', 'sign b2'], `${base}/pilots/B`],
      ['Pilot A', ['sign a1'], `${base}/pilots/A`],
      ['Pilot C', ['sign c1'], `${base}/pilots/C`],
    ]);
  });

  it(`names at most ${IMPORT_SUMMARY_MAX_PILOTS} pilots and counts the rest`, () => {
    const flags = Array.from({ length: 30 }, (_, i) => flag(`f${i}`, `P${String(i).padStart(2, '0')}`, 'open'));
    const event = importSummaryEvent({ committed, importedBy: null, changes: changes({ openedFlagIds: flags.map((f) => f.id) }), flags, base });
    expect(event.data.newlyStuckCount).toBe(30);
    expect(event.data.newlyStuck).toHaveLength(IMPORT_SUMMARY_MAX_PILOTS);
    expect(event.data.newlyStuck[0].pilot.name).toBe('Pilot P00');
  });

  it('counts each pilot whose recommendation changed once, by what it says last', () => {
    const recommendationChanges = [
      { pilotId: 'A', previous: null, current: recommendation('keep_piloting') },
      { pilotId: 'A', previous: recommendation('keep_piloting'), current: recommendation('scale') },
      { pilotId: 'B', previous: null, current: recommendation('kill') },
    ];
    const event = importSummaryEvent({ committed, importedBy: null, changes: changes({ recommendationChanges }), flags: [], base });
    expect(event.data.recommendationsChanged).toBe(2);
    expect(event.data.recommendationsNow).toEqual({ scale: 1, pivot: 0, kill: 1, keep_piloting: 0 });
    expect(event.data).toMatchObject({ stuckSignsOpened: 0, stuckSignsResolved: 0, newlyStuckCount: 0, newlyStuck: [] });
  });
});
