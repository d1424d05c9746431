import { STAGES, STAGE_TRANSITIONS, type Stage } from '@liftoff/shared';
import { STAGE_LABELS } from '../format/labels';

/** The moves the program office may make from this stage (shared `STAGE_TRANSITIONS`), worded as actions. */
export function stageMoves(from: Stage): { to: Stage; label: string; effect?: string }[] {
  return STAGE_TRANSITIONS[from].map((to) => ({ to, label: moveLabel(from, to), effect: EFFECTS[to] }));
}

const EFFECTS: Partial<Record<Stage, string>> = {
  paused: 'No weekly updates are expected while it is paused.',
  killed: 'The pilot is closed for good: no more updates, decisions or stuck signs.',
  pivoted: 'The pilot is closed; record a pivot decision instead to start its successor.',
  production: 'The pilot leaves the portfolio of pilots underway.',
};

function moveLabel(from: Stage, to: Stage): string {
  if (to === 'paused') return 'Pause';
  if (to === 'killed') return 'Kill';
  if (to === 'pivoted') return 'Mark as pivoted';
  if (from === 'paused') return `Resume as ${STAGE_LABELS[to].toLowerCase()}`;
  if (STAGES.indexOf(to) < STAGES.indexOf(from)) return `Back to ${STAGE_LABELS[to].toLowerCase()}`;
  return `Move to ${STAGE_LABELS[to].toLowerCase()}`;
}
