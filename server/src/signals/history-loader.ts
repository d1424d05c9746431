import type { EntityManager } from 'typeorm';
import { windowSuffices, type HistoryDecision, type HistoryUpdate, type PilotHistory, type ReadinessAssessmentInput, type SignalContext } from '@liftoff/shared';
import {
  ALL_UPDATES_SQL, BLOCKERS_SQL, isoOf, ms, WINDOW_UPDATES_SQL,
  type AssessmentRow, type BlockerRow, type KpiRow, type PilotRow, type RunQuery, type StageChangeRow, type UpdatesRow,
} from './history-queries';
import { attachKpiReadings, loadKpiReadings, type KpiReadings } from './kpi-readings-loader';
import { batchedRun } from './batched-run';

export type { RunQuery } from './history-queries';
export { attachKpiReadings, loadKpiReadings, type KpiReadings } from './kpi-readings-loader';

export interface LoadOptions {
  /**
   * Load only the latest `window` updates of each pilot and the whole history only for the pilots
   * where `windowSuffices` says the rules need more (null: always the whole history).
   */
  window: number | null;
  /** The analysis context the window is checked against (needed with a window). */
  ctx?: SignalContext;
  /**
   * Read only the part of each history the analysis reads (`analysedPart` in the shared analysis):
   * open blockers and their mentions (stage changes and assessments are read whole).
   */
  analysedPart?: boolean;
  /**
   * KPI readings loaded beforehand (`loadKpiReadings`), or false to leave every KPI's readings
   * empty for the caller to fill in with `attachKpiReadings`; loaded with the batch when absent.
   */
  readings?: KpiReadings | false;
  /** Run the batch's statements in parallel (a pool) rather than one after another (one connection). */
  parallel: boolean;
}


/** An update without blocker mentions shares this array; the analysis only reads it. */
const NO_BLOCKERS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Loads the whole histories of many pilots with one query per table (never one query per pilot),
 * in the shape the pure analysis functions take. Used for a single pilot after a write: the tables'
 * statements travel as one (`batchedRun`), so the write's connection makes one round trip for them.
 */
export async function loadHistories(manager: EntityManager, pilotIds: string[]): Promise<Map<string, PilotHistory>> {
  return loadHistoryBatch(batchedRun((sql, params) => manager.query(sql, params)), pilotIds, { window: null, parallel: true });
}

/**
 * Histories of a batch of pilots, one statement per table. With a window, pilots whose latest
 * updates do not settle every rule get their whole update history in one more statement.
 */
export async function loadHistoryBatch(run: RunQuery, pilotIds: string[], options: LoadOptions): Promise<Map<string, PilotHistory>> {
  const histories = new Map<string, PilotHistory>();
  if (pilotIds.length === 0) return histories;
  const ids = [pilotIds];
  const windowed = options.window !== null;
  const partOnly = options.analysedPart === true;
  const loads: (() => Promise<unknown>)[] = [
    () => run(
      `SELECT id, name, stage, ${ms('stage_entered_at')} AS entered_ms, start_date::text AS start_date, complexity, sponsor_id,
              annual_value_at_scale::float8 AS value, cost_to_scale::float8 AS cost, integration_systems
         FROM pilots WHERE id = ANY($1::uuid[])`,
      ids,
    ),
    () => (windowed ? run(WINDOW_UPDATES_SQL, [pilotIds, options.window]) : run(ALL_UPDATES_SQL, ids)),
    () => run(BLOCKERS_SQL, [pilotIds, partOnly]),
    // The stage clock reads every stage change (pauses, backdated entries).
    () => run(
      `SELECT pilot_id, from_stage, to_stage, ${ms('changed_at')} AS changed_ms FROM stage_changes
        WHERE pilot_id = ANY($1::uuid[]) ORDER BY changed_at, id`,
      ids,
    ),
    () => run(
      `SELECT id, pilot_id, name, baseline::float8 AS baseline, target::float8 AS target, direction
         FROM kpis WHERE pilot_id = ANY($1::uuid[])`,
      ids,
    ),
    () => (options.readings === undefined ? loadKpiReadings(run, pilotIds) : Promise.resolve(options.readings || null)),
    // Every assessment: busy_not_progressing compares the latest with an earlier one.
    () => run(
      `SELECT pilot_id, ${ms('assessed_at')} AS assessed_ms, answers FROM readiness_assessments
        WHERE pilot_id = ANY($1::uuid[]) ORDER BY assessed_at, id`,
      ids,
    ),
    () => loadDecisions(run, pilotIds),
  ];
  const [pilots, updates, blockers, stageChanges, kpis, readings, assessments, decisions] = (await runAll(loads, options.parallel)) as [
    PilotRow[], UpdatesRow[], BlockerRow[], StageChangeRow[], KpiRow[], KpiReadings | null, AssessmentRow[],
    Map<string, HistoryDecision[]>,
  ];

  for (const p of pilots) {
    histories.set(p.id, {
      pilot: {
        id: p.id, name: p.name, stage: p.stage, stageEnteredAt: isoOf(p.entered_ms)!, startDate: p.start_date,
        complexity: p.complexity, sponsorId: p.sponsor_id, annualValueAtScale: p.value, costToScale: p.cost,
        integrationSystems: p.integration_systems ?? [],
      },
      updates: [], blockers: [], stageChanges: [], decisions: decisions.get(p.id) ?? [], kpis: [], assessments: [],
    });
  }
  const facts = new Map<string, UpdatesRow>();
  for (const row of updates) {
    const history = histories.get(row.pilot_id);
    if (!history) continue;
    history.updates = decodeUpdates(row.rows);
    facts.set(row.pilot_id, row);
  }
  const mentions: { pilotId: string; blockerId: string; weeks: string[] }[] = [];
  for (const b of blockers) {
    const history = histories.get(b.pilot_id);
    if (!history) continue;
    history.blockers.push({
      id: b.id, text: b.text, category: b.category, status: b.status, firstSeenWeek: b.first_seen_week,
      lastSeenWeek: b.last_seen_week, resolvedAt: isoOf(b.resolved_ms),
    });
    if (b.mentions) mentions.push({ pilotId: b.pilot_id, blockerId: b.id, weeks: JSON.parse(b.mentions) });
  }
  for (const s of stageChanges) {
    histories.get(s.pilot_id)?.stageChanges.push({ fromStage: s.from_stage, toStage: s.to_stage, changedAt: isoOf(s.changed_ms)! });
  }
  for (const k of kpis) {
    histories.get(k.pilot_id)?.kpis.push({
      id: k.id, name: k.name, baseline: k.baseline, target: k.target, direction: k.direction, readings: [],
    });
  }
  for (const a of assessments) {
    histories.get(a.pilot_id)?.assessments.push({ assessedAt: isoOf(a.assessed_ms)!, answers: a.answers } as ReadinessAssessmentInput);
  }
  addMentions(histories, mentions);
  if (readings) attachKpiReadings(histories, readings);

  if (windowed) {
    const ctx = options.ctx;
    if (!ctx) throw new Error('A windowed load needs the analysis context');
    const short = [...facts.values()]
      .filter((row) => {
        const history = histories.get(row.pilot_id)!;
        return !windowSuffices(history, { totalUpdates: row.total, olderLatestPostedMs: row.older_ms }, ctx);
      })
      .map((row) => row.pilot_id);
    if (short.length > 0) {
      const whole: UpdatesRow[] = await run(ALL_UPDATES_SQL, [short]);
      for (const row of whole) {
        const history = histories.get(row.pilot_id);
        if (history) history.updates = decodeUpdates(row.rows);
      }
      const reloaded = new Set(short);
      addMentions(histories, mentions.filter((m) => reloaded.has(m.pilotId)));
    }
  }
  return histories;
}

/** The updates of one pilot as `UPDATES_TEXT` writes them. */
function decodeUpdates(text: string): HistoryUpdate[] {
  const rows = text.split(';');
  const updates: HistoryUpdate[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const f = rows[i].split(',');
    updates[i] = {
      week: f[0], createdAt: f[1], health: f[2] as HistoryUpdate['health'], confidence: +f[3], activeUsers: +f[4], activeUsersOutsideTeam: +f[5],
      scaleQuestionAsked: f[6] === '1', resourcesRedirected: f[7] === '1', pivotSuggested: f[8] === '1', blockerIds: NO_BLOCKERS,
    };
  }
  return updates;
}

/** Puts each blocker id on the loaded updates of the weeks that mention it (a pilot has one update a week). */
function addMentions(histories: Map<string, PilotHistory>, mentions: { pilotId: string; blockerId: string; weeks: string[] }[]): void {
  let pilotId: string | null = null;
  let byWeek = new Map<string, HistoryUpdate>();
  for (const mention of mentions) {
    if (mention.pilotId !== pilotId) {
      pilotId = mention.pilotId;
      byWeek = new Map((histories.get(pilotId)?.updates ?? []).map((u) => [u.week, u]));
    }
    for (const week of mention.weeks) {
      const update = byWeek.get(week);
      if (!update) continue;
      if (update.blockerIds === NO_BLOCKERS) update.blockerIds = [mention.blockerId];
      else update.blockerIds.push(mention.blockerId);
    }
  }
}

async function runAll(loads: (() => Promise<unknown>)[], parallel: boolean): Promise<unknown[]> {
  if (parallel) return Promise.all(loads.map((load) => load()));
  const results = [];
  for (const load of loads) results.push(await load());
  return results;
}

/** Each pilot's decisions, oldest first. */
async function loadDecisions(run: RunQuery, pilotIds: string[]): Promise<Map<string, HistoryDecision[]>> {
  const rows: { pilot_id: string; kind: HistoryDecision['kind']; decided_ms: number; next_review_date: string | null }[] = await run(
    `SELECT pilot_id, kind, ${ms('decided_at')} AS decided_ms, next_review_date::text AS next_review_date FROM decisions
      WHERE pilot_id = ANY($1::uuid[]) ORDER BY decided_at, id`,
    [pilotIds],
  );
  const byPilot = new Map<string, HistoryDecision[]>();
  for (const row of rows) {
    const list = byPilot.get(row.pilot_id) ?? [];
    list.push({ kind: row.kind, decidedAt: isoOf(row.decided_ms)!, nextReviewDate: row.next_review_date });
    byPilot.set(row.pilot_id, list);
  }
  return byPilot;
}
