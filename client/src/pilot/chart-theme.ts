import type { BlockerStatus, Health } from '@liftoff/shared';

/**
 * Colors for SVG charts. Kept in JS because SVG presentation attributes don't reliably take CSS
 * variables; the values match the palette in styles/base.css.
 */
export const CHART_COLORS = {
  primary: '#2f5d8a',
  primarySoft: '#d9e5f1',
  grid: '#e4e7ec',
  axis: '#667085',
  baseline: '#98a2b3',
  target: '#2e8b57',
  health: '#7a9cc6',
  danger: '#c2410c',
};

export const HEALTH_COLORS: Record<Health, string> = {
  on_track: '#2e8b57',
  at_risk: '#d99a1e',
  off_track: '#c2410c',
};

export const BLOCKER_STATUS_COLORS: Record<BlockerStatus, string> = {
  open: '#c2410c',
  resolved: '#98a2b3',
};

export const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 12 };
