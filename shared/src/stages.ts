import { STAGES, TERMINAL_STAGES, type Stage } from './enums';

/**
 * Moves a program office may make by hand. Killed and pivoted pilots are closed: a pivot creates a
 * new pilot instead of reopening the old one.
 */
export const STAGE_TRANSITIONS: Record<Stage, readonly Stage[]> = {
  proposed: ['piloting', 'paused', 'killed'],
  piloting: ['scaling', 'paused', 'pivoted', 'killed'],
  scaling: ['production', 'piloting', 'paused', 'pivoted', 'killed'],
  production: ['paused', 'killed'],
  paused: ['proposed', 'piloting', 'scaling', 'pivoted', 'killed'],
  pivoted: [],
  killed: [],
};

export function canChangeStage(from: Stage, to: Stage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

/**
 * Pilots still underway: every stage but the ends of a pilot's life (production, pivoted, killed).
 * The portfolio's time-in-pilot chart counts these, and `GET /pilots?underway=true` lists them.
 */
export const UNDERWAY_STAGES: readonly Stage[] = STAGES.filter((stage) => !TERMINAL_STAGES.includes(stage));
