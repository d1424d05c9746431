/** The REST contract of the portfolio dashboard: aggregates only, never raw rows. */
import type { BlockerCategory, Complexity, Health, Stage } from './enums';
import type { Pattern } from './analysis/types';

export interface PortfolioFilter {
  businessUnitId?: string;
  stage?: Stage;
  sponsorId?: string;
}

export interface PortfolioOverview {
  tiles: {
    pilots: number;
    byStage: Record<Stage, number>;
    stuckNow: number;
    inScaleQueue: number;
    decisionsThisQuarter: number;
    /** Median months since start of pilots still piloting or scaling. */
    medianMonthsInPilot: number | null;
  };
  /** Pilots that ever reached each stage of the forward path (a funnel), and how many are there now. */
  funnel: { stage: Stage; reached: number; current: number }[];
  /** Per ISO week over the last year: how many updates said each health. */
  healthOverTime: ({ week: string } & Record<Health, number>)[];
  patternsByUnit: { businessUnitId: string; businessUnitName: string; patterns: Record<Pattern, number> }[];
  /** Active pilots bucketed by months since start, per complexity, with the expected upper bound. */
  timeInPilot: { bucket: string; fromMonths: number; toMonths: number | null; counts: Record<Complexity, number> }[];
  timelineBounds: Record<Complexity, number>;
  decisionsByQuarter: { quarter: string; scale: number; pivot: number; kill: number; continue: number }[];
  blockerCategories: { category: BlockerCategory; open: number; total: number; mentions: number }[];
  oldestOpenBlockers: { blockerId: string; pilotId: string; pilotName: string; text: string; category: BlockerCategory; firstSeenWeek: string; weeksOpen: number; mentions: number }[];
}
