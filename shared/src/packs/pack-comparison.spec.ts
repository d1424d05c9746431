import type { Stage } from '../enums';
import type { StuckPilot } from '../api-analysis';
import type { ScaleQueueItem } from '../api-decisions';
import type { PackComparison } from './api-packs';
import { comparePacks, describeComparison, type ComparedSnapshot } from './pack-comparison';

interface PilotState {
  stage: Stage;
  stuck?: boolean;
  queued?: boolean;
}

/** A snapshot with one pilot "P" in the given state (or without it). */
function snapshot(state: PilotState | null): ComparedSnapshot {
  if (!state) return { pilots: [], stuck: [], scaleQueue: [] };
  return {
    pilots: [{ id: 'p', name: 'P', stage: state.stage }],
    stuck: state.stuck ? [{ pilotId: 'p', pilotName: 'P', flags: [] } as unknown as StuckPilot] : [],
    scaleQueue: state.queued ? [{ pilotId: 'p', pilotName: 'P' } as ScaleQueueItem] : [],
  };
}

/** The lines of the comparison that name the pilot. */
const linesNaming = (comparison: PackComparison) =>
  (Object.keys(comparison) as (keyof PackComparison)[]).filter((key) => comparison[key].some((p) => p.pilotId === 'p')).sort();

describe('comparing a pack with the previous one', () => {
  it.each<[string, PilotState | null, PilotState | null, (keyof PackComparison)[]]>([
    ['piloting, then scaling: scaled', { stage: 'piloting' }, { stage: 'scaling' }, ['scaled']],
    ['piloting, then production (through scaling between packs): scaled', { stage: 'piloting' }, { stage: 'production' }, ['scaled']],
    ['scaling in both: nothing', { stage: 'scaling' }, { stage: 'scaling' }, []],
    ['scaling, then production: not scaled again', { stage: 'scaling' }, { stage: 'production' }, []],
    ['created since, straight into scaling: scaled', null, { stage: 'scaling' }, ['scaled']],
    ['created since, piloting: nothing', null, { stage: 'piloting' }, []],
    ['piloting, then killed: killed', { stage: 'piloting' }, { stage: 'killed' }, ['killed']],
    ['killed in both: nothing', { stage: 'killed' }, { stage: 'killed' }, []],
    ['paused, then pivoted: pivoted', { stage: 'paused' }, { stage: 'pivoted' }, ['pivoted']],
    ['not stuck, then stuck: new stuck', { stage: 'piloting' }, { stage: 'piloting', stuck: true }, ['newStuck']],
    ['created since and stuck: new stuck', null, { stage: 'piloting', stuck: true }, ['newStuck']],
    ['stuck in both: nothing', { stage: 'piloting', stuck: true }, { stage: 'piloting', stuck: true }, []],
    ['stuck, then not: resolved', { stage: 'piloting', stuck: true }, { stage: 'piloting' }, ['resolvedStuck']],
    ['stuck, then scaled and not stuck: scaled and resolved', { stage: 'piloting', stuck: true }, { stage: 'scaling' }, ['resolvedStuck', 'scaled']],
    ['stuck, then killed: killed, not resolved', { stage: 'piloting', stuck: true }, { stage: 'killed' }, ['killed']],
    ['stuck, then pivoted: pivoted, not resolved', { stage: 'piloting', stuck: true }, { stage: 'pivoted' }, ['pivoted']],
    ['stuck, then deleted: nothing', { stage: 'piloting', stuck: true }, null, []],
    ['not queued, then queued: entered the scale queue', { stage: 'piloting' }, { stage: 'piloting', queued: true }, ['enteredScaleQueue']],
    ['queued in both: nothing', { stage: 'piloting', queued: true }, { stage: 'piloting', queued: true }, []],
    ['queued, then scaled (left the queue): scaled', { stage: 'piloting', queued: true }, { stage: 'scaling' }, ['scaled']],
    ['stuck and queued at once, newly: both lines', { stage: 'piloting' }, { stage: 'piloting', stuck: true, queued: true }, ['enteredScaleQueue', 'newStuck']],
  ])('%s', (_case, previous, current, lines) => {
    expect(linesNaming(comparePacks(snapshot(previous), snapshot(current)))).toEqual(lines);
  });

  it('names pilots by their current name, sorted by name', () => {
    const previous: ComparedSnapshot = {
      pilots: [{ id: 'a', name: 'Old name', stage: 'piloting' }, { id: 'b', name: 'Beta', stage: 'piloting' }],
      stuck: [{ pilotId: 'a', pilotName: 'Old name' } as StuckPilot],
      scaleQueue: [],
    };
    const current: ComparedSnapshot = {
      pilots: [{ id: 'a', name: 'Zeta', stage: 'piloting' }, { id: 'b', name: 'Beta', stage: 'scaling' }, { id: 'c', name: 'Alpha', stage: 'scaling' }],
      stuck: [],
      scaleQueue: [],
    };
    const comparison = comparePacks(previous, current);
    expect(comparison.scaled.map((p) => p.pilotName)).toEqual(['Alpha', 'Beta']);
    expect(comparison.resolvedStuck).toEqual([{ pilotId: 'a', pilotName: 'Zeta' }]);
  });
});

describe('the comparison in one sentence', () => {
  const none: PackComparison = { scaled: [], killed: [], pivoted: [], newStuck: [], resolvedStuck: [], enteredScaleQueue: [] };
  const pilots = (n: number) => Array.from({ length: n }, (_, i) => ({ pilotId: `${i}`, pilotName: `P${i}` }));

  it('counts each line that has pilots, in a fixed order', () => {
    expect(describeComparison({ ...none, scaled: pilots(3), newStuck: pilots(2) })).toBe('Since the last pack: 3 pilots scaled, 2 new stuck.');
    expect(describeComparison({ ...none, killed: pilots(1), enteredScaleQueue: pilots(1), resolvedStuck: pilots(4) })).toBe(
      'Since the last pack: 1 pilot killed, 4 no longer stuck, 1 joined the scale queue.',
    );
  });

  it('says so when nothing changed', () => {
    expect(describeComparison(none)).toMatch(/^Since the last pack: no pilot scaled/);
  });
});
