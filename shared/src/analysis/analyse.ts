/** One call that runs the whole analysis for a pilot, as the server and the seed need it. */
import { diagnosePatterns } from './patterns';
import { recommend } from './recommendation';
import { evaluateSignals, type SignalContext } from './signals';
import { timelinePosition } from './timeline';
import type { PatternDiagnosis, PilotHistory, Recommendation, SignalResult } from './types';

export interface PilotAnalysis {
  /** Firing signals only. */
  signals: SignalResult[];
  patterns: PatternDiagnosis[];
  recommendation: Recommendation;
}

export function analysePilot(history: PilotHistory, given: SignalContext): PilotAnalysis {
  // The timeline is read by a rule and by the recommendation: worked out once.
  const ctx: SignalContext = { ...given, timeline: timelinePosition(history, given.today, given.thresholds) };
  const signals = evaluateSignals(history, ctx);
  const patterns = diagnosePatterns(history, ctx.thresholds);
  const recommendation = recommend(history, { ...ctx, signals, patterns });
  return { signals, patterns, recommendation };
}
