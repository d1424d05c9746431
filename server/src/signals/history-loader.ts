import type { EntityManager } from 'typeorm';
import type { HistoryDecision, HistoryUpdate, PilotHistory, ReadinessAssessmentInput } from '@liftoff/shared';

type UpdateTuple = [string, string, number, HistoryUpdate['health'], number, number, number, boolean, boolean];

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * Loads the histories of many pilots with one query per table (never one query per pilot), in the
 * shape the pure analysis functions take. Used for a single pilot after a write and for the sweep.
 */
export async function loadHistories(manager: EntityManager, pilotIds: string[]): Promise<Map<string, PilotHistory>> {
  const histories = new Map<string, PilotHistory>();
  if (pilotIds.length === 0) return histories;
  const ids = [pilotIds];
  const [pilots, updates, mentions, blockers, stageChanges, kpis, readings, assessments, decisions] = await runAll(manager, [
    () => manager.query(
      `SELECT id, name, stage, stage_entered_at, start_date::text AS start_date, complexity, sponsor_id,
              annual_value_at_scale::float8 AS value, cost_to_scale::float8 AS cost, integration_systems
         FROM pilots WHERE id = ANY($1::uuid[])`,
      ids,
    ),
    // One JSON array per pilot: parsing it is far cheaper than pg building an object (and a Date) per row.
    () => manager.query(
      `SELECT pilot_id, json_agg(json_build_array(id, week, (extract(epoch FROM created_at) * 1000)::bigint, health, confidence,
              active_users, active_users_outside_team, scale_question_asked, resources_redirected) ORDER BY week_start)::text AS rows
         FROM weekly_updates WHERE pilot_id = ANY($1::uuid[]) GROUP BY pilot_id`,
      ids,
    ),
    () => manager.query(
      `SELECT ub.update_id, ub.blocker_id FROM update_blockers ub JOIN blockers b ON b.id = ub.blocker_id
        WHERE b.pilot_id = ANY($1::uuid[])`,
      ids,
    ),
    () => manager.query(
      `SELECT id, pilot_id, text, category, status, first_seen_week, last_seen_week, resolved_at
         FROM blockers WHERE pilot_id = ANY($1::uuid[])`,
      ids,
    ),
    () => manager.query(
      `SELECT pilot_id, from_stage, to_stage, changed_at FROM stage_changes WHERE pilot_id = ANY($1::uuid[]) ORDER BY changed_at, id`,
      ids,
    ),
    () => manager.query(
      `SELECT id, pilot_id, name, baseline::float8 AS baseline, target::float8 AS target, direction
         FROM kpis WHERE pilot_id = ANY($1::uuid[])`,
      ids,
    ),
    () => manager.query(
      `SELECT r.kpi_id, json_agg(json_build_array(u.week, r.value::float8) ORDER BY u.week_start)::text AS rows
         FROM kpi_readings r JOIN weekly_updates u ON u.id = r.update_id
        WHERE u.pilot_id = ANY($1::uuid[]) GROUP BY r.kpi_id`,
      ids,
    ),
    () => manager.query(
      `SELECT pilot_id, assessed_at, answers FROM readiness_assessments WHERE pilot_id = ANY($1::uuid[]) ORDER BY assessed_at, id`,
      ids,
    ),
    () => loadDecisions(manager, pilotIds),
  ]);

  for (const p of pilots) {
    histories.set(p.id, {
      pilot: {
        id: p.id, name: p.name, stage: p.stage, stageEnteredAt: iso(p.stage_entered_at)!, startDate: p.start_date,
        complexity: p.complexity, sponsorId: p.sponsor_id, annualValueAtScale: p.value, costToScale: p.cost,
        integrationSystems: p.integration_systems ?? [],
      },
      updates: [], blockers: [], stageChanges: [], decisions: decisions.get(p.id) ?? [], kpis: [], assessments: [],
    });
  }
  const blockersByUpdate = new Map<string, string[]>();
  for (const m of mentions) {
    const list = blockersByUpdate.get(m.update_id);
    if (list) list.push(m.blocker_id);
    else blockersByUpdate.set(m.update_id, [m.blocker_id]);
  }
  for (const row of updates as { pilot_id: string; rows: string }[]) {
    const history = histories.get(row.pilot_id);
    if (!history) continue;
    for (const [id, week, createdMs, health, confidence, activeUsers, outside, asked, redirected] of JSON.parse(row.rows) as UpdateTuple[]) {
      history.updates.push({
        week, createdAt: new Date(createdMs).toISOString(), health, confidence, activeUsers, activeUsersOutsideTeam: outside,
        scaleQuestionAsked: asked, resourcesRedirected: redirected, blockerIds: blockersByUpdate.get(id) ?? [],
      });
    }
  }
  for (const b of blockers) {
    histories.get(b.pilot_id)?.blockers.push({
      id: b.id, text: b.text, category: b.category, status: b.status, firstSeenWeek: b.first_seen_week,
      lastSeenWeek: b.last_seen_week, resolvedAt: iso(b.resolved_at),
    });
  }
  for (const s of stageChanges) {
    histories.get(s.pilot_id)?.stageChanges.push({ fromStage: s.from_stage, toStage: s.to_stage, changedAt: iso(s.changed_at)! });
  }
  const kpiById = new Map<string, PilotHistory['kpis'][number]>();
  for (const k of kpis) {
    const kpi = { id: k.id, name: k.name, baseline: k.baseline, target: k.target, direction: k.direction, readings: [] };
    kpiById.set(k.id, kpi);
    histories.get(k.pilot_id)?.kpis.push(kpi);
  }
  for (const row of readings as { kpi_id: string; rows: string }[]) {
    const kpi = kpiById.get(row.kpi_id);
    if (kpi) for (const [week, value] of JSON.parse(row.rows) as [string, number][]) kpi.readings.push({ week, value });
  }
  for (const a of assessments) {
    histories.get(a.pilot_id)?.assessments.push({ assessedAt: iso(a.assessed_at)!, answers: a.answers } as ReadinessAssessmentInput);
  }
  return histories;
}

/**
 * Runs the loads in parallel on a pool, one after another on a transaction's single connection
 * (a pg client runs one query at a time).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function runAll(manager: EntityManager, loads: (() => Promise<any>)[]): Promise<any[]> {
  if (!manager.queryRunner) return Promise.all(loads.map((load) => load()));
  const results = [];
  for (const load of loads) results.push(await load());
  return results;
}

/** Decisions arrive with the decision log; until its table exists there are none to load. */
async function loadDecisions(manager: EntityManager, pilotIds: string[]): Promise<Map<string, HistoryDecision[]>> {
  const [{ exists }] = await manager.query(`SELECT to_regclass('public.decisions') IS NOT NULL AS exists`);
  if (!exists) return new Map();
  const rows: { pilot_id: string; kind: HistoryDecision['kind']; decided_at: Date; next_review_date: string | null }[] = await manager.query(
    `SELECT pilot_id, kind, decided_at, next_review_date::text AS next_review_date FROM decisions
      WHERE pilot_id = ANY($1::uuid[]) ORDER BY decided_at, id`,
    [pilotIds],
  );
  const byPilot = new Map<string, HistoryDecision[]>();
  for (const row of rows) {
    const list = byPilot.get(row.pilot_id) ?? [];
    list.push({ kind: row.kind, decidedAt: row.decided_at.toISOString(), nextReviewDate: row.next_review_date });
    byPilot.set(row.pilot_id, list);
  }
  return byPilot;
}
