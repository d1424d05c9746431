import type { Stage } from '../enums';
import type { PackComparison, PackPilotRef, PackSnapshot } from './api-packs';

/** The parts of two packs a comparison reads. */
export type ComparedSnapshot = Pick<PackSnapshot, 'pilots' | 'stuck' | 'scaleQueue'>;

/** Stages that count as having scaled: a pilot may pass through scaling to production between two packs. */
const SCALED_STAGES: readonly Stage[] = ['scaling', 'production'];
/** Stages that end a pilot without it scaling: leaving the stuck list that way is not a resolution. */
const ENDED_STAGES: readonly Stage[] = ['killed', 'pivoted'];

const byName = (a: PackPilotRef, b: PackPilotRef) => a.pilotName.localeCompare(b.pilotName) || a.pilotId.localeCompare(b.pilotId);

/**
 * What changed from the previous pack to the current one, pilot by pilot, from the two snapshots alone.
 * A pilot created since the previous pack counts as having moved into whatever stage it is in now.
 */
export function comparePacks(previous: ComparedSnapshot, current: ComparedSnapshot): PackComparison {
  const before = new Map(previous.pilots.map((p) => [p.id, p.stage]));
  const now = new Map(current.pilots.map((p) => [p.id, p.stage]));
  const movedInto = (stages: readonly Stage[]) =>
    current.pilots
      .filter((p) => stages.includes(p.stage) && !stages.includes(before.get(p.id) as Stage))
      .map((p) => ({ pilotId: p.id, pilotName: p.name }))
      .sort(byName);

  const stuckBefore = new Set(previous.stuck.map((s) => s.pilotId));
  const stuckNow = new Set(current.stuck.map((s) => s.pilotId));
  const queuedBefore = new Set(previous.scaleQueue.map((q) => q.pilotId));

  return {
    scaled: movedInto(SCALED_STAGES),
    killed: movedInto(['killed']),
    pivoted: movedInto(['pivoted']),
    newStuck: current.stuck.filter((s) => !stuckBefore.has(s.pilotId)).map((s) => ({ pilotId: s.pilotId, pilotName: s.pilotName })).sort(byName),
    // Deleted since, killed or pivoted: not stuck any more, but nothing was resolved.
    resolvedStuck: previous.stuck
      .filter((s) => !stuckNow.has(s.pilotId) && now.has(s.pilotId) && !ENDED_STAGES.includes(now.get(s.pilotId)!))
      .map((s) => ({ pilotId: s.pilotId, pilotName: current.pilots.find((p) => p.id === s.pilotId)?.name ?? s.pilotName }))
      .sort(byName),
    enteredScaleQueue: current.scaleQueue.filter((q) => !queuedBefore.has(q.pilotId)).map((q) => ({ pilotId: q.pilotId, pilotName: q.pilotName })).sort(byName),
  };
}

const PHRASES: { key: keyof PackComparison; one: string; many: (n: number) => string }[] = [
  { key: 'scaled', one: '1 pilot scaled', many: (n) => `${n} pilots scaled` },
  { key: 'killed', one: '1 pilot killed', many: (n) => `${n} pilots killed` },
  { key: 'pivoted', one: '1 pilot pivoted', many: (n) => `${n} pilots pivoted` },
  { key: 'newStuck', one: '1 new stuck', many: (n) => `${n} new stuck` },
  { key: 'resolvedStuck', one: '1 no longer stuck', many: (n) => `${n} no longer stuck` },
  { key: 'enteredScaleQueue', one: '1 joined the scale queue', many: (n) => `${n} joined the scale queue` },
];

/** One line for the committee: "Since the last pack: 3 pilots scaled, 2 new stuck." */
export function describeComparison(comparison: PackComparison): string {
  const parts = PHRASES.filter(({ key }) => comparison[key].length > 0).map(({ key, one, many }) =>
    comparison[key].length === 1 ? one : many(comparison[key].length),
  );
  return parts.length === 0 ? 'Since the last pack: no pilot scaled, was killed or pivoted, and the stuck list and the scale queue gained no one.' : `Since the last pack: ${parts.join(', ')}.`;
}
