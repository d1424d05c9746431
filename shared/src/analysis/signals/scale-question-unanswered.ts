/**
 * scale_question_unanswered: "when do we scale this?" was raised in at least Q updates whose week is
 * within the last `scaleQuestionWindowWeeks` ISO weeks (today's week and the ones before it: with
 * 8, today's week back to 7 weeks ago), and no decision was recorded since the first of them.
 * A decision answers the question when its `decidedAt` is on or after the Monday that starts the
 * first question's week: the update only tells us the week it was raised in, not the day.
 * Not checked while the pilot is paused or closed (`isMonitoredStage`).
 * `since` is the Monday of the first question's week in the window.
 */
import { utcDay, weekOfDay } from '../dates';
import { listing, plural } from '../stats';
import { weekIndex, weekStartMs } from '../week-index';
import { isMonitoredStage, mondayOf, notApplicable, sinceIf, type SignalRule } from './rule';

export const scaleQuestionUnanswered: SignalRule = (history, { today, thresholds }) => {
  const { stage } = history.pilot;
  if (!isMonitoredStage(stage)) return [notApplicable('scale_question_unanswered', stage)];
  const todayWeek = weekOfDay(utcDay(today));
  const window = thresholds.scaleQuestionWindowWeeks;
  const todayIndex = weekIndex(todayWeek);
  const asked: string[] = [];
  for (const u of history.updates) {
    if (!u.scaleQuestionAsked) continue;
    const weeksAgo = todayIndex - weekIndex(u.week);
    if (weeksAgo >= 0 && weeksAgo < window) asked.push(u.week);
  }
  const firstAsked = asked[0] ?? null;
  const answeredBy = firstAsked
    ? history.decisions.find((d) => Date.parse(d.decidedAt) >= weekStartMs(firstAsked)) ?? null
    : null;
  const fires = asked.length >= thresholds.scaleQuestionCount && answeredBy === null;
  let summary: string;
  if (fires) {
    summary = `Scale question raised in ${plural(asked.length, 'update')} (${listing(asked)}) with no decision recorded since ${firstAsked}.`;
  } else if (answeredBy) {
    summary = `Scale question answered by a '${answeredBy.kind}' decision on ${answeredBy.decidedAt.slice(0, 10)}.`;
  } else {
    summary = `Scale question raised in ${plural(asked.length, 'update')} in the last ${plural(window, 'week')}.`;
  }
  return [
    {
      kind: 'scale_question_unanswered',
      fires,
      ...sinceIf(fires, firstAsked && mondayOf(firstAsked)),
      summary,
      evidence: {
        weeks: asked,
        count: asked.length,
        since: firstAsked,
        windowWeeks: window,
        answeredBy: answeredBy ? { kind: answeredBy.kind, decidedAt: answeredBy.decidedAt } : null,
      },
    },
  ];
};
