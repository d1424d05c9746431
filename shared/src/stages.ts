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

/**
 * Closed pilots are out of pilot purgatory for good or already scaled: nothing more is reported,
 * decided or assessed on them, and no stuck rule fires. Only the program office moves their stage
 * (decommissioning a production system, for example).
 */
export function isClosedStage(stage: Stage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

/**
 * Stages that take weekly updates: a proposed pilot may report its preparation, a piloting or
 * scaling one must. Paused pilots report nothing until resumed.
 */
export const UPDATE_STAGES: readonly Stage[] = ['proposed', 'piloting', 'scaling'];

export function takesUpdates(stage: Stage): boolean {
  return UPDATE_STAGES.includes(stage);
}
