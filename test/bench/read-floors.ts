/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and SQL rows of many shapes, only projected and compared here */
/**
 * The read endpoints of `reads.bench.ts`, each with its floor: hand-written SQL that computes the
 * same answer, and a projection of both answers that the bench compares (ids, order, totals and the
 * derived figures each endpoint exists to show).
 */
import type { Pool } from 'pg';

export interface ReadCase {
  name: string;
  path: string;
  /** The answer's projection from the endpoint's JSON body. */
  project(body: any): unknown;
  /** The same projection computed by hand-written SQL. */
  floor(pool: Pool): Promise<unknown>;
}

export interface BenchContext {
  unitId: string;
  sponsorId: string;
  pattern: string;
  healthWeek: string;
  pilotId: string;
  scaleReadinessMin: number;
  underwayStages: readonly string[];
}

const one = async <T = any>(pool: Pool, sql: string, params: unknown[] = []): Promise<T> => (await pool.query(sql, params)).rows[0] as T;
const all = async <T = any>(pool: Pool, sql: string, params: unknown[] = []): Promise<T[]> => (await pool.query(sql, params)).rows as T[];

/** A page of `GET /pilots` by hand: the page's ids with their facts, and the count beside it. */
function pilotsCase(name: string, query: string, where: string, params: unknown[], sortSql: string, desc = false): ReadCase {
  const direction = desc ? 'DESC' : 'ASC';
  return {
    name,
    path: `/api/pilots?${query}`,
    project: (body) => ({ total: body.total, rows: body.items.map((p: any) => [p.id, p.lead.name, p.businessUnitName, p.lastUpdateWeek, p.lastHealth, p.openFlagCount, p.readinessScore]) }),
    floor: async (pool) => {
      const [rows, count] = await Promise.all([
        all(pool,
          `SELECT p.id, l.name AS lead, bu.name AS unit, lu.week, lu.health, pd.readiness_score,
                  (SELECT count(*)::int FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open') AS flags
             FROM (SELECT p.* FROM pilots p WHERE ${where} ORDER BY ${sortSql} ${direction} NULLS LAST, p.id LIMIT 25) p
             JOIN people l ON l.id = p.lead_id JOIN business_units bu ON bu.id = p.business_unit_id
             LEFT JOIN pilot_diagnoses pd ON pd.pilot_id = p.id
             LEFT JOIN LATERAL (SELECT u.week, u.health FROM weekly_updates u WHERE u.pilot_id = p.id ORDER BY u.week DESC LIMIT 1) lu ON true
            ORDER BY ${sortSql} ${direction} NULLS LAST, p.id`, params),
        one(pool, `SELECT count(*)::int AS n FROM pilots p WHERE ${where}`, params),
      ]);
      return { total: count.n, rows: rows.map((r) => [r.id, r.lead, r.unit, r.week, r.health, r.flags, r.readiness_score]) };
    },
  };
}

const LATEST_UPDATE = (column: string) => `(SELECT u.${column} FROM weekly_updates u WHERE u.pilot_id = p.id ORDER BY u.week DESC LIMIT 1)`;
const MONTHS = '(GREATEST(current_date - p.start_date, 0) / 30.44)';

export function pilotListCases(c: BenchContext): ReadCase[] {
  const sorts: [string, string, boolean][] = [
    ['name', 'p.name', false],
    ['stage', 'p.stage', false],
    ['startDate', 'p.start_date', false],
    ['stageEnteredAt', 'p.stage_entered_at', true],
    ['updatedAt', 'p.updated_at', true],
    ['createdAt', 'p.created_at', true],
    ['lastUpdateAt', LATEST_UPDATE('created_at'), true],
    ['readinessScore', '(SELECT pd.readiness_score FROM pilot_diagnoses pd WHERE pd.pilot_id = p.id)', true],
    ['openFlagCount', `(SELECT count(*) FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open')`, true],
  ];
  const bySort = sorts.map(([sort, sql, desc]) => pilotsCase(`pilots sort=${sort}${desc ? ' desc' : ''}`, `sort=${sort}&order=${desc ? 'desc' : 'asc'}`, 'true', [], sql, desc));
  const filters: [string, string, string, unknown[]][] = [
    ['stage', 'stage=piloting', `p.stage = 'piloting'`, []],
    ['businessUnitId', `businessUnitId=${c.unitId}`, 'p.business_unit_id = $1', [c.unitId]],
    ['sponsorId', `sponsorId=${c.sponsorId}`, 'p.sponsor_id = $1', [c.sponsorId]],
    ['search', 'search=ai', `p.name ILIKE '%ai%'`, []],
    ['pattern', `pattern=${c.pattern}`, 'EXISTS (SELECT 1 FROM pilot_diagnoses pd WHERE pd.pilot_id = p.id AND $1 = ANY(pd.pattern_keys))', [c.pattern]],
    ['health (latest)', 'health=off_track', `${LATEST_UPDATE('health')} = 'off_track'`, []],
    ['health + healthWeek', `health=at_risk&healthWeek=${c.healthWeek}`, `EXISTS (SELECT 1 FROM weekly_updates u WHERE u.pilot_id = p.id AND u.week = $1 AND u.health = 'at_risk')`, [c.healthWeek]],
    ['underway + months 3-9', 'underway=true&monthsInPilotMin=3&monthsInPilotMax=9', `p.stage = ANY($1) AND ${MONTHS} >= 3 AND ${MONTHS} < 9`, [c.underwayStages]],
    ['complexity + startedAfter', 'complexity=complex&startedAfter=2025-06-01', `p.complexity = 'complex' AND p.start_date > '2025-06-01'`, []],
  ];
  const byFilter = filters.map(([label, query, where, params]) => pilotsCase(`pilots ${label}`, query, where, params, 'p.name'));
  return [...bySort, ...byFilter];
}

const FLAG_FROM = `FROM signal_flags f JOIN pilots p ON p.id = f.pilot_id WHERE f.status = 'open'`;

export function listCases(c: BenchContext): ReadCase[] {
  return [
    {
      name: 'flags (open)',
      path: '/api/flags',
      project: (body) => ({ total: body.total, ids: body.items.map((f: any) => [f.id, f.pilotName, f.businessUnitName]) }),
      floor: async (pool) => {
        const [rows, count] = await Promise.all([
          all(pool, `SELECT f.id, p.name, bu.name AS unit ${FLAG_FROM.replace('WHERE', 'JOIN business_units bu ON bu.id = p.business_unit_id WHERE')}
                      ORDER BY f.opened_at, p.name, f.kind, f.id LIMIT 25`),
          one(pool, `SELECT count(*)::int AS n FROM signal_flags f WHERE f.status = 'open'`),
        ]);
        return { total: count.n, ids: rows.map((r) => [r.id, r.name, r.unit]) };
      },
    },
    {
      name: 'flags by pilot (stuck list)',
      path: '/api/flags/by-pilot',
      project: (body) => ({ total: body.total, pilots: body.items.map((g: any) => [g.pilotId, g.flags.map((f: any) => f.id)]) }),
      floor: async (pool) => {
        const [rows, count] = await Promise.all([
          all(pool, `WITH page AS (SELECT f.pilot_id, min(f.opened_at) AS first, p.name ${FLAG_FROM} GROUP BY f.pilot_id, p.name ORDER BY 2, 3, 1 LIMIT 25)
                     SELECT page.pilot_id, (SELECT array_agg(f.id ORDER BY f.opened_at, f.kind, f.id) FROM signal_flags f WHERE f.pilot_id = page.pilot_id AND f.status = 'open') AS ids
                       FROM page ORDER BY page.first, page.name, page.pilot_id`),
          one(pool, `SELECT count(DISTINCT pilot_id)::int AS n FROM signal_flags WHERE status = 'open'`),
        ]);
        return { total: count.n, pilots: rows.map((r) => [r.pilot_id, r.ids]) };
      },
    },
    ...[['blockers', ''], ['blockers (open)', '?status=open']].map(([name, query]): ReadCase => ({
      name,
      path: `/api/blockers${query}`,
      project: (body) => ({ total: body.total, rows: body.items.map((b: any) => [b.id, b.pilotName, b.businessUnitName, b.mentionCount]) }),
      floor: async (pool) => {
        const where = query ? `WHERE b.status = 'open'` : '';
        const [rows, count] = await Promise.all([
          all(pool, `SELECT b.id, p.name, bu.name AS unit, (SELECT count(*)::int FROM update_blockers ub WHERE ub.blocker_id = b.id) AS mentions
                       FROM (SELECT * FROM blockers b ${where} ORDER BY b.status, b.first_seen_week, b.created_at, b.id LIMIT 25) b
                       JOIN pilots p ON p.id = b.pilot_id JOIN business_units bu ON bu.id = p.business_unit_id
                      ORDER BY b.status, b.first_seen_week, b.created_at, b.id`),
          one(pool, `SELECT count(*)::int AS n FROM blockers b ${where}`),
        ]);
        return { total: count.n, rows: rows.map((r) => [r.id, r.name, r.unit, r.mentions]) };
      },
    })),
    ...[['scale queue (page 1 of 25)', ''], ['scale queue (200 a page)', '?pageSize=200']].map(([name, query]): ReadCase => ({
      name,
      path: `/api/scale-queue${query}`,
      project: (body) => ({ total: body.total, rows: body.items.map((q: any) => [q.rank, q.pilotId, q.readinessScore, q.sponsor?.name ?? null, q.lastDecisionAt]) }),
      floor: async (pool) => {
        const rows = await all(pool,
          `WITH queue AS (
             SELECT p.id, pd.readiness_score, p.annual_value_at_scale AS value, s.name AS sponsor, d.last,
                    greatest(d.last, p.stage_entered_at) AS waiting
               FROM pilots p JOIN pilot_diagnoses pd ON pd.pilot_id = p.id LEFT JOIN people s ON s.id = p.sponsor_id
               LEFT JOIN LATERAL (SELECT max(decided_at) AS last FROM decisions WHERE pilot_id = p.id) d ON true
              WHERE p.stage = 'piloting' AND (pd.action = 'scale' OR pd.readiness_score >= $1 OR EXISTS (
                      SELECT 1 FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open' AND f.kind = 'scale_question_unanswered')))
           SELECT q.*, count(*) OVER ()::int AS total FROM queue q ORDER BY readiness_score DESC, value DESC, waiting, id LIMIT $2`,
          [c.scaleReadinessMin, query ? 200 : 25]);
        return { total: rows[0]?.total ?? 0, rows: rows.map((r, i) => [i + 1, r.id, r.readiness_score, r.sponsor, r.last ? new Date(r.last).toISOString() : null]) };
      },
    })),
  ];
}

export function pilotPageCases(c: BenchContext): ReadCase[] {
  const id = c.pilotId;
  const base = `/api/pilots/${id}`;
  return [
    pilotPage('pilot', base, (b) => [b.id, b.lead.name, b.sponsor?.name ?? null, b.businessUnitName, b.lastUpdateWeek, b.lastHealth, b.openFlagCount, b.readinessScore], async (pool) => {
      const r = await one(pool,
        `SELECT p.id, l.name AS lead, s.name AS sponsor, bu.name AS unit, lu.week, lu.health, pd.readiness_score,
                (SELECT count(*)::int FROM signal_flags f WHERE f.pilot_id = p.id AND f.status = 'open') AS flags
           FROM pilots p JOIN people l ON l.id = p.lead_id LEFT JOIN people s ON s.id = p.sponsor_id
           JOIN business_units bu ON bu.id = p.business_unit_id LEFT JOIN pilot_diagnoses pd ON pd.pilot_id = p.id
           LEFT JOIN LATERAL (SELECT u.week, u.health FROM weekly_updates u WHERE u.pilot_id = p.id ORDER BY u.week DESC LIMIT 1) lu ON true
          WHERE p.id = $1`, [id]);
      return [r.id, r.lead, r.sponsor, r.unit, r.week, r.health, r.flags, r.readiness_score];
    }),
    pilotPage('pilot diagnosis', `${base}/diagnosis`,
      (b) => [b.recommendation.action, b.recommendation.readinessScore, b.openFlags.map((f: any) => f.id), b.patterns.map((p: any) => p.pattern), b.readiness.map((t: any) => [t.test, t.credit]), b.latestAssessment?.id ?? null, b.previousAssessment?.id ?? null],
      async (pool) => {
        const r = await one(pool,
          `SELECT pd.action, pd.readiness_score, pd.patterns, pd.readiness,
                  (SELECT array_agg(f.id ORDER BY f.opened_at DESC, f.kind) FROM signal_flags f WHERE f.pilot_id = pd.pilot_id AND f.status = 'open') AS flags,
                  (SELECT array_agg(a.id ORDER BY a.assessed_at DESC, a.id) FROM (SELECT * FROM readiness_assessments WHERE pilot_id = pd.pilot_id ORDER BY assessed_at DESC, id LIMIT 2) a) AS assessments
             FROM pilot_diagnoses pd WHERE pd.pilot_id = $1`, [id]);
        return [r.action, r.readiness_score, r.flags ?? [], r.patterns.map((p: any) => p.pattern), (r.readiness ?? []).map((t: any) => [t.test, t.credit]), r.assessments?.[0] ?? null, r.assessments?.[1] ?? null];
      }),
    pilotPage('pilot blockers', `${base}/blockers`, (b) => b.map((x: any) => [x.id, x.mentionCount]), async (pool) =>
      (await all(pool, `SELECT b.id, (SELECT count(*)::int FROM update_blockers ub WHERE ub.blocker_id = b.id) AS n FROM blockers b WHERE b.pilot_id = $1
                         ORDER BY b.status, b.first_seen_week, b.created_at`, [id])).map((r) => [r.id, r.n])),
    pilotPage('pilot KPIs', `${base}/kpis`, (b) => b.map((k: any) => [k.id, k.name]), async (pool) =>
      (await all(pool, `SELECT id, name FROM kpis WHERE pilot_id = $1 ORDER BY name`, [id])).map((r) => [r.id, r.name])),
    pilotPage('pilot updates (200 a page)', `${base}/updates?page=1&pageSize=200`, (b) => ({ total: b.total, rows: b.items.map((u: any) => [u.id, u.week, u.author.name, u.blockers.length, u.kpiReadings.length]) }), async (pool) => {
      const rows = await all(pool,
        `SELECT u.id, u.week, a.name, (SELECT count(*)::int FROM update_blockers ub WHERE ub.update_id = u.id) AS blockers,
                (SELECT count(*)::int FROM kpi_readings r WHERE r.update_id = u.id) AS readings, count(*) OVER ()::int AS total
           FROM weekly_updates u JOIN people a ON a.id = u.author_id WHERE u.pilot_id = $1 ORDER BY u.week_start DESC, u.id LIMIT 200`, [id]);
      return { total: rows[0]?.total ?? 0, rows: rows.map((r) => [r.id, r.week, r.name, r.blockers, r.readings]) };
    }),
    pilotPage('pilot decisions', `${base}/decisions?pageSize=50`, (b) => ({ total: b.total, ids: b.items.map((d: any) => d.id) }), async (pool) => {
      const rows = await all(pool, `SELECT id, count(*) OVER ()::int AS total FROM decisions WHERE pilot_id = $1 ORDER BY decided_at DESC, id LIMIT 50`, [id]);
      return { total: rows[0]?.total ?? 0, ids: rows.map((r) => r.id) };
    }),
    pilotPage('pilot stage changes', `${base}/stage-changes`, (b) => b.map((s: any) => [s.id, s.toStage, s.changedBy?.name ?? null]), async (pool) =>
      (await all(pool, `SELECT sc.id, sc.to_stage, p.name FROM stage_changes sc LEFT JOIN people p ON p.id = sc.changed_by_id WHERE sc.pilot_id = $1 ORDER BY sc.changed_at, sc.id`, [id]))
        .map((r) => [r.id, r.to_stage, r.name])),
  ];
}

function pilotPage(name: string, path: string, project: (body: any) => unknown, floor: (pool: Pool) => Promise<unknown>): ReadCase {
  return { name, path, project, floor };
}
