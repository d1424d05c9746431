import type { Blocker, BlockerCategory, BlockerStatus, WeeklyUpdate } from '@liftoff/shared';
import { compareIsoWeeks } from '@liftoff/shared';
import { weekBounds, weekRange } from './weeks';

export interface BlockerTimelineRow {
  id: string;
  text: string;
  category: BlockerCategory;
  status: BlockerStatus;
  firstSeenWeek: string;
  lastSeenWeek: string;
  /** [start, end) as indexes into `weeks`: the bar covers whole weeks, first to last seen. */
  span: [number, number];
  /** Weeks of updates that actually reported the blocker (the bar may bridge silent weeks). */
  reportedWeeks: string[];
  mentionCount: number;
}

export interface BlockerTimeline {
  /** Continuous ISO weeks covering every update and every blocker. */
  weeks: string[];
  rows: BlockerTimelineRow[];
}

/** Lays blockers out as bars across the weeks they were reported, oldest first. */
export function toBlockerTimeline(blockers: readonly Blocker[], updates: readonly WeeklyUpdate[]): BlockerTimeline {
  const bounds = weekBounds([
    ...updates.map((u) => u.week),
    ...blockers.flatMap((b) => [b.firstSeenWeek, b.lastSeenWeek]),
  ]);
  if (!bounds) return { weeks: [], rows: [] };
  const weeks = weekRange(bounds.first, bounds.last);
  const index = new Map(weeks.map((week, i) => [week, i]));

  const reportedBy = new Map<string, string[]>();
  for (const update of updates) {
    for (const ref of update.blockers) reportedBy.set(ref.id, [...(reportedBy.get(ref.id) ?? []), update.week]);
  }

  const rows = [...blockers]
    .sort((a, b) => compareIsoWeeks(a.firstSeenWeek, b.firstSeenWeek) || compareIsoWeeks(a.lastSeenWeek, b.lastSeenWeek) || a.text.localeCompare(b.text))
    .map((blocker): BlockerTimelineRow => {
      const start = index.get(blocker.firstSeenWeek) ?? 0;
      const end = (index.get(blocker.lastSeenWeek) ?? start) + 1;
      return {
        id: blocker.id,
        text: blocker.text,
        category: blocker.category,
        status: blocker.status,
        firstSeenWeek: blocker.firstSeenWeek,
        lastSeenWeek: blocker.lastSeenWeek,
        span: [start, Math.max(end, start + 1)],
        reportedWeeks: (reportedBy.get(blocker.id) ?? []).sort(compareIsoWeeks),
        mentionCount: blocker.mentionCount,
      };
    });
  return { weeks, rows };
}
