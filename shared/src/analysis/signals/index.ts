import type { PilotHistory, SignalKind, SignalResult } from '../types';
import { SIGNAL_KINDS } from '../types';
import { busyNotProgressing } from './busy-not-progressing';
import { confidenceDecline } from './confidence-decline';
import { decisionOverdue } from './decision-overdue';
import { offTrackStreak } from './off-track-streak';
import { overTimeline } from './over-timeline';
import { pilotTimebox } from './pilot-timebox';
import { repeatedBlocker } from './repeated-blocker';
import type { SignalContext, SignalRule } from './rule';
import { resourcesRedirected } from './resources-redirected';
import { scaleQuestionUnanswered } from './scale-question-unanswered';
import { silent } from './silent';
import { stalledStage } from './stalled-stage';

export { isClosedStage, isMonitoredStage, type SignalContext, type SignalRule } from './rule';
export { confidenceSlope } from './confidence-decline';
export { troubledRun } from './off-track-streak';
export { improvedTests } from './busy-not-progressing';
export { mentionStreak } from './repeated-blocker';
export { STALLABLE_STAGES } from './stalled-stage';

/** Keyed by the kind list, so adding a kind without its rule does not compile. */
export const SIGNAL_RULES: Readonly<Record<SignalKind, SignalRule>> = {
  repeated_blocker: repeatedBlocker,
  stalled_stage: stalledStage,
  silent,
  confidence_decline: confidenceDecline,
  off_track_streak: offTrackStreak,
  scale_question_unanswered: scaleQuestionUnanswered,
  resources_redirected: resourcesRedirected,
  over_timeline: overTimeline,
  decision_overdue: decisionOverdue,
  busy_not_progressing: busyNotProgressing,
  pilot_timebox: pilotTimebox,
};

/** Every rule's results, firing or not, in `SIGNAL_KINDS` order. */
export function evaluateAllSignals(history: PilotHistory, ctx: SignalContext): SignalResult[] {
  return SIGNAL_KINDS.flatMap((kind) => SIGNAL_RULES[kind](history, ctx));
}

/** Only the firing signals, in `SIGNAL_KINDS` order (per blocker in `history.blockers` order). */
export function evaluateSignals(history: PilotHistory, ctx: SignalContext): SignalResult[] {
  return evaluateAllSignals(history, ctx).filter((result) => result.fires);
}
