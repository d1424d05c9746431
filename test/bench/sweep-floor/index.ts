/**
 * The set-based floor of the whole sweep: one hand-written statement per rule (one file each),
 * keyed by `SIGNAL_KINDS`, so a rule without its floor does not compile.
 */
import type { SignalKind } from '@liftoff/shared';
import { busyNotProgressingFloor } from './busy-not-progressing';
import type { RuleFloor } from './common';
import { confidenceDeclineFloor } from './confidence-decline';
import { decisionOverdueFloor } from './decision-overdue';
import { offTrackStreakFloor } from './off-track-streak';
import { overTimelineFloor } from './over-timeline';
import { pilotTimeboxFloor } from './pilot-timebox';
import { repeatedBlockerFloor } from './repeated-blocker';
import { resourcesRedirectedFloor } from './resources-redirected';
import { scaleQuestionUnansweredFloor } from './scale-question-unanswered';
import { silentFloor } from './silent';
import { stalledStageFloor } from './stalled-stage';

export type { RuleFloor } from './common';

export const RULE_FLOORS: Readonly<Record<SignalKind, RuleFloor>> = {
  repeated_blocker: repeatedBlockerFloor,
  stalled_stage: stalledStageFloor,
  silent: silentFloor,
  confidence_decline: confidenceDeclineFloor,
  off_track_streak: offTrackStreakFloor,
  scale_question_unanswered: scaleQuestionUnansweredFloor,
  resources_redirected: resourcesRedirectedFloor,
  over_timeline: overTimelineFloor,
  decision_overdue: decisionOverdueFloor,
  busy_not_progressing: busyNotProgressingFloor,
  pilot_timebox: pilotTimeboxFloor,
};
