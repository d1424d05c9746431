import type { Stage } from './enums';

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
