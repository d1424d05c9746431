/**
 * Pilot analysis: warning signals, stuck-pattern diagnosis and the scale / pivot / kill
 * recommendation. Pure functions of a `PilotHistory` and an explicit `today`.
 */
export * from './types';
export * from './thresholds';
export * from './signals';
export * from './similarity';
export * from './assessment';
export * from './guidance';
export * from './patterns';
export * from './kpi-progress';
export * from './readiness';
export * from './recommendation';
export * from './analyse';
export * from './history-window';
export * from './timeline';
export * from './week-index';
export { DAY_MS, addMonths, utcDay, wholeMonthsBetween } from './dates';
