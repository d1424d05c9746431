/** One call that runs the whole analysis for a pilot, as the server and the seed need it. */
import { diagnosePatterns } from './patterns';
import { recommend } from './recommendation';
import { evaluateSignals, type SignalContext } from './signals';
import type { PatternDiagnosis, PilotHistory, Recommendation, SignalResult } from './types';

export interface PilotAnalysis {
  /** Firing signals only. */
  signals: SignalResult[];
  patterns: PatternDiagnosis[];
  recommendation: Recommendation;
}

export function analysePilot(history: PilotHistory, ctx: SignalContext): PilotAnalysis {
  const signals = evaluateSignals(history, ctx);
  const patterns = diagnosePatterns(history, ctx.thresholds);
  const recommendation = recommend(history, { ...ctx, signals, patterns });
  return { signals, patterns, recommendation };
}
