import {
  COMPLEXITIES,
  PATTERNS,
  type BlockerCategory,
  type Complexity,
  type DecisionKind,
  type Health,
  type Pattern,
  type PilotListQuery,
  type PortfolioFilter,
  type PortfolioOverview,
  type Stage,
} from '@liftoff/shared';
import { toQueryString, type QueryParams } from '../api/http';
import { BLOCKER_CATEGORY_LABELS, STAGE_LABELS } from '../format/labels';

/** Line labels must fit between two bars: "best ≤3". */
const SHORT_COMPLEXITY: Record<Complexity, string> = { best: 'best', typical: 'typical', complex: 'complex' };

/** Pure shaping of the overview aggregates into what each chart draws, and where a click leads. */

export interface FunnelRow {
  stage: Stage;
  label: string;
  reached: number;
  current: number;
}

export function funnelRows(overview: PortfolioOverview): FunnelRow[] {
  return overview.funnel.map((f) => ({ ...f, label: STAGE_LABELS[f.stage] }));
}

/** One row per unit with a column per pattern, the shape a stacked bar chart wants. */
export function patternRows(overview: PortfolioOverview): ({ unit: string; businessUnitId: string } & Record<Pattern, number>)[] {
  return overview.patternsByUnit.map((u) => ({ unit: u.businessUnitName, businessUnitId: u.businessUnitId, ...u.patterns }));
}

/** Patterns that occur at all, so the legend lists only what is on the chart. */
export function presentPatterns(overview: PortfolioOverview): Pattern[] {
  return PATTERNS.filter((p) => overview.patternsByUnit.some((u) => u.patterns[p] > 0));
}

export interface TimeRow extends Record<Complexity, number> {
  bucket: string;
  fromMonths: number;
  toMonths: number | null;
}

/** "12-18 months" -> "12–18 mo", so six buckets fit under a half-width chart. */
export function shortBucket(bucket: string): string {
  return bucket.replace(/(\d+)-(\d+)/, '$1–$2').replace(' months', ' mo');
}

/** Time-in-pilot buckets flattened for a stacked bar, one column per complexity. */
export function timeRows(overview: PortfolioOverview): TimeRow[] {
  return overview.timeInPilot.map((b) => ({ bucket: b.bucket, fromMonths: b.fromMonths, toMonths: b.toMonths, ...b.counts }));
}

export interface TimelineMarker {
  /** The bucket the line is drawn on. */
  bucket: string;
  /** At the bucket's left edge when a bound starts it, else through its middle. */
  position: 'start' | 'middle';
  months: number;
  label: string;
}

/**
 * Where the expected upper bounds (3 / 6 / 12 months) fall on the bucket axis. Bounds that coincide
 * share one line, labelled with every complexity they belong to.
 */
export function timelineMarkers(overview: PortfolioOverview): TimelineMarker[] {
  const markers = new Map<string, TimelineMarker & { complexities: Complexity[] }>();
  for (const complexity of COMPLEXITIES) {
    const months = overview.timelineBounds[complexity];
    const starting = overview.timeInPilot.find((b) => b.fromMonths === months);
    const containing = overview.timeInPilot.find((b) => b.fromMonths < months && (b.toMonths === null || months < b.toMonths));
    const bucket = starting ?? containing;
    if (!bucket) continue;
    const key = `${bucket.bucket}:${months}`;
    const marker = markers.get(key) ?? { bucket: bucket.bucket, position: starting ? 'start' : 'middle', months, label: '', complexities: [] };
    marker.complexities.push(complexity);
    markers.set(key, marker);
  }
  return [...markers.values()].map(({ complexities, ...marker }) => ({
    ...marker,
    label: `${complexities.map((c) => SHORT_COMPLEXITY[c]).join('/')} ≤${marker.months}`,
  }));
}

export interface BlockerCategoryRow {
  category: BlockerCategory;
  label: string;
  open: number;
  resolved: number;
  total: number;
  mentions: number;
}

/** Categories by how often their blockers come back (weekly mentions), most recurring first. */
export function blockerCategoryRows(overview: PortfolioOverview, limit = 8): BlockerCategoryRow[] {
  return [...overview.blockerCategories]
    .sort((a, b) => b.mentions - a.mentions || b.total - a.total)
    .slice(0, limit)
    .map((c) => ({ category: c.category, label: BLOCKER_CATEGORY_LABELS[c.category], open: c.open, resolved: Math.max(0, c.total - c.open), total: c.total, mentions: c.mentions }));
}

// ---- Where a click leads: the list behind the bar, keeping the filters the chart was drawn with ----

function link(path: string, params: QueryParams): string {
  return `${path}${toQueryString(params)}`;
}

/** The list filters a chart adds to the overview's own (see `PilotListQuery` for what each means). */
export type PilotsLinkExtra = Pick<
  PilotListQuery,
  'stage' | 'complexity' | 'underway' | 'monthsInPilotMin' | 'monthsInPilotMax' | 'health' | 'healthWeek' | 'sort' | 'order'
>;

const text = (value: number | boolean | undefined) => (value === undefined || value === false ? undefined : String(value));

/** The pilots list shows unit, stage and sponsor filters, so all three carry over. */
export function pilotsLink(filter: PortfolioFilter, extra: PilotsLinkExtra = {}): string {
  return link('/pilots', {
    businessUnitId: filter.businessUnitId,
    stage: extra.stage ?? filter.stage,
    sponsorId: filter.sponsorId,
    complexity: extra.complexity,
    underway: text(extra.underway),
    monthsInPilotMin: text(extra.monthsInPilotMin),
    monthsInPilotMax: text(extra.monthsInPilotMax),
    health: extra.health,
    // The API takes a week only together with a health.
    healthWeek: extra.health ? extra.healthWeek : undefined,
    sort: extra.sort,
    order: extra.order,
  });
}

/**
 * A time-in-pilot segment: the underway pilots of that complexity and months range under the
 * chart's filters, longest running first. The list's total is the segment's count.
 */
export function timeInPilotLink(filter: PortfolioFilter, row: Pick<TimeRow, 'fromMonths' | 'toMonths'>, complexity: Complexity): string {
  return pilotsLink(filter, { complexity, underway: true, monthsInPilotMin: row.fromMonths, monthsInPilotMax: row.toMonths ?? undefined, sort: 'startDate' });
}

/** Every pilot the time-in-pilot chart counts (its buckets run on from the first), longest running first. */
export function allTimeInPilotLink(filter: PortfolioFilter, rows: Pick<TimeRow, 'fromMonths'>[]): string {
  const from = rows.length > 0 ? Math.min(...rows.map((row) => row.fromMonths)) : 0;
  return pilotsLink(filter, { underway: true, monthsInPilotMin: from, sort: 'startDate' });
}

/** A week and health of the health-over-time chart: the pilots whose update for that week reported it. */
export function healthWeekLink(filter: PortfolioFilter, week: string, health: Health): string {
  return pilotsLink(filter, { health, healthWeek: week });
}

export type HealthWeekRow = PortfolioOverview['healthOverTime'][number];

/** The week the chart's footnote shows: the one picked if the chart still has it, else the latest. */
export function selectedHealthWeek(rows: HealthWeekRow[], picked: string | null | undefined): HealthWeekRow | undefined {
  return rows.find((row) => row.week === picked) ?? rows.at(-1);
}

/** The stuck list filters by unit, stage, sponsor and pattern, so the chart's filters all carry over. */
export function stuckLink(filter: PortfolioFilter, extra: { businessUnitId?: string; pattern?: Pattern } = {}): string {
  return link('/stuck', { businessUnitId: extra.businessUnitId ?? filter.businessUnitId, stage: filter.stage, sponsorId: filter.sponsorId, pattern: extra.pattern });
}

/** The decision log filters by kind, quarter, unit, sponsor and the pilot's stage. */
export function decisionsLink(filter: PortfolioFilter, extra: { kind?: DecisionKind; quarter?: string } = {}): string {
  return link('/decisions', { kind: extra.kind, quarter: extra.quarter, businessUnitId: filter.businessUnitId, sponsorId: filter.sponsorId, stage: filter.stage });
}

/** The quarter a day falls in, as the API names it (`2026-Q4`), by the UTC calendar. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export function scaleQueueLink(filter: PortfolioFilter): string {
  return link('/scale-queue', { businessUnitId: filter.businessUnitId });
}
