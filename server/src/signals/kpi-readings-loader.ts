import type { HistoryKpiReading, PilotHistory } from '@liftoff/shared';
import type { RunQuery } from './history-queries';

/**
 * Readings per KPI of the given pilots as one text, "2026-W01 12.5,2026-W02 13,...". Unordered (no
 * sort of every reading): `decodeReadings` puts them in week order. Each KPI's readings are found
 * through the KPI index and their weeks through the pilot's updates (pilot index), so a batch reads
 * its own rows only: joining the whole tables instead made every batch scan every reading of the
 * portfolio (a sweep's cost grew with the square of its size). A reading belongs to an update of the
 * KPI's own pilot; the writers check that.
 */
const READINGS_SQL = `
  SELECT k.id AS kpi_id, x.readings
    FROM kpis k
    CROSS JOIN LATERAL (
      SELECT string_agg(u.week || ' ' || r.value, ',') AS readings
        FROM kpi_readings r JOIN weekly_updates u ON u.id = r.update_id
       WHERE r.kpi_id = k.id AND u.pilot_id = k.pilot_id) x
   WHERE k.pilot_id = ANY($1::uuid[]) AND x.readings IS NOT NULL`;

/**
 * Readings of the given pilots' KPIs, keyed by KPI id, still encoded: they are decoded
 * (`attachKpiReadings`) batch by batch, so that a sweep never holds every reading of the portfolio
 * as objects at once.
 */
export async function loadKpiReadings(run: RunQuery, pilotIds: string[]): Promise<KpiReadings> {
  const byKpi: KpiReadings = new Map();
  if (pilotIds.length === 0) return byKpi;
  const rows: { kpi_id: string; readings: string }[] = await run(READINGS_SQL, [pilotIds]);
  for (const row of rows) byKpi.set(row.kpi_id, row.readings);
  return byKpi;
}

/** KPI id to its readings as `READINGS_SQL` encodes them. */
export type KpiReadings = Map<string, string>;

/** Gives each KPI of the histories its readings, in week order. */
export function attachKpiReadings(histories: Map<string, PilotHistory>, readings: KpiReadings): void {
  for (const history of histories.values()) {
    for (const kpi of history.kpis) {
      const text = readings.get(kpi.id);
      kpi.readings = text === undefined ? [] : decodeReadings(text);
    }
  }
}

/** Week strings by year * 100 + week: each distinct week is one string, however many readings name it. */
const weekStrings = new Map<number, string>();

/**
 * Parses "week value,week value,..." (weeks are "YYYY-Www", values plain decimals) and sorts by week
 * when needed. A KPI has at most one reading per update and a pilot one update per week, so weeks
 * are unique and week order is the order of the updates' week_start.
 */
export function decodeReadings(text: string): HistoryKpiReading[] {
  const readings: HistoryKpiReading[] = [];
  let sorted = true;
  let previous = -1;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(',', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    const key = space - start === 8 ? weekKey(text, start) : -1;
    let week: string;
    if (key < 0) {
      week = text.slice(start, space);
    } else {
      week = weekStrings.get(key) ?? text.slice(start, space);
      if (weekStrings.size < 10_000) weekStrings.set(key, week);
    }
    const order = key < 0 ? Number.NaN : key;
    if (sorted && readings.length > 0 && !(order > previous)) sorted = false;
    previous = order;
    readings.push({ week, value: decimal(text, space + 1, end) });
    start = end + 1;
  }
  if (!sorted) readings.sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  return readings;
}

/** year * 100 + week of "YYYY-Www" at `at`, or -1 when the text is not one. */
function weekKey(text: string, at: number): number {
  let key = 0;
  for (let i = 0; i < 8; i++) {
    const c = text.charCodeAt(at + i);
    if (i === 4) {
      if (c !== 45) return -1; // '-'
    } else if (i === 5) {
      if (c !== 87) return -1; // 'W'
    } else {
      if (c < 48 || c > 57) return -1;
      key = key * 10 + (c - 48);
    }
  }
  return key;
}

/**
 * The number written in text[start, end). Short plain decimals ("-12.3400") are computed as one
 * division of two exactly represented integers, which IEEE rounds correctly: the same double as
 * Number() gives, without cutting out a string per reading. Anything else goes to Number().
 */
function decimal(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i += 1;
  let digits = 0;
  let mantissa = 0;
  let scale = 1;
  let point = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && !point) {
      point = true;
    } else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (point) scale *= 10;
    } else {
      return Number(text.slice(start, end));
    }
  }
  if (digits === 0 || digits > 15) return Number(text.slice(start, end));
  const value = mantissa / scale;
  return negative ? -value : value;
}
