import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ApiClient } from './support/api-client';
import type { LoadPlan, LoadReport } from './support/load-generator';
import { weekAgo } from './support/portfolio';
import { reportFigures } from './support/report';
import { machineLoad } from './support/machine-load';
import { startSuiteServer, type SuiteServer } from './support/suite-server';

const DURATION_MS = Number(process.env.LOAD_DURATION_S ?? 30) * 1000;
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const PILOTS = 50;
const GENERATOR = resolve(__dirname, 'support/load-generator.ts');
/** One moment every week of the suite counts from, so a run across Monday 00:00 UTC cannot post a week twice. */
const started = new Date();

/** Runs the load generator as a second process and returns its report. */
function runGenerator(plan: LoadPlan): Promise<LoadReport> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', GENERATOR], {
      env: { ...process.env, TS_NODE_PROJECT: resolve(__dirname, '../tsconfig.json') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out) as LoadReport) : fail(new Error(`load generator exited ${code}: ${err}`))));
    child.stdin.end(JSON.stringify(plan));
  });
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

describe(`mixed load: ${DURATION_MS / 1000} s at ${CONNECTIONS} connections from a second process`, () => {
  let suite: SuiteServer;
  let cookie: string;
  let pilotIds: string[];

  beforeAll(async () => {
    suite = await startSuiteServer();
    cookie = await suite.signIn();
    const api = new ApiClient(suite.baseUrl, { Cookie: cookie });
    const unit = await api.expect<{ id: string }>(201, 'POST', '/api/business-units', { name: 'Load unit' });
    const person = (role: string, i: number) => api.expect<{ id: string }>(201, 'POST', '/api/people', { name: `Load ${role} ${i}`, email: `load.${role}.${i}@example.com`, role, businessUnitId: unit.id });
    const leads = await Promise.all([0, 1, 2, 3, 4].map((i) => person('pilot_lead', i)));
    const sponsors = await Promise.all([0, 1].map((i) => person('executive', i)));
    pilotIds = [];
    for (let i = 0; i < PILOTS; i++) {
      const pilot = await api.expect<{ id: string }>(201, 'POST', '/api/pilots', {
        name: `Load pilot ${i}`, businessUnitId: unit.id, leadId: leads[i % leads.length].id, sponsorId: i % 7 === 0 ? null : sponsors[i % 2].id,
        useCaseCategory: 'knowledge_search', startDate: '2018-01-08', complexity: ['best', 'typical', 'complex'][i % 3], stage: i % 5 === 0 ? 'scaling' : 'piloting',
        annualValueAtScale: 100000 + i * 5000, costToScale: 50000,
      });
      pilotIds.push(pilot.id);
      if (i % 5 === 0) await api.expect(201, 'POST', `/api/pilots/${pilot.id}/kpis`, { name: 'Resolution time', unit: 'minutes', baseline: 30, target: 20, direction: 'lower_is_better' });
      // Recent weeks already reported, as in a real portfolio; the load posts older ones.
      for (const weeksAgo of [1, 2]) {
        await api.expect(201, 'POST', `/api/pilots/${pilot.id}/updates`, {
          week: weekAgo(weeksAgo, started), health: i % 4 === 0 ? 'off_track' : 'on_track', summary: 'Before the load', confidence: 3, activeUsers: 12, activeUsersOutsideTeam: 2, scaleQuestionAsked: i % 3 === 0, resourcesRedirected: false,
        });
      }
    }
    await api.expect(200, 'POST', '/api/sweeps');
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('answers every request without an error, and every acknowledged weekly update is exactly one new row', async () => {
    const page = (id: string) => [`/api/pilots/${id}`, `/api/pilots/${id}/kpis`, `/api/pilots/${id}/updates?page=1&pageSize=50`, `/api/pilots/${id}/flags`, `/api/pilots/${id}/diagnosis`, `/api/pilots/${id}/blockers`, `/api/pilots/${id}/decisions?pageSize=50`, `/api/pilots/${id}/stage-changes`, `/api/pilots/${id}/assessments`];
    const reads = pilotIds.slice(0, 10).flatMap((id, i) => ['/api/pilots?page=1&pageSize=25&sort=lastUpdateAt&order=desc', ...page(id), i % 2 ? '/api/flags?status=open' : '/api/flags/by-pilot', '/api/scale-queue']);
    const before = new Set((await suite.pg.query<{ id: string }>('SELECT id FROM weekly_updates')).rows.map((r) => r.id));

    const report = await runGenerator({
      baseUrl: suite.baseUrl, cookie, durationMs: DURATION_MS, connections: CONNECTIONS, timeoutMs: 10_000, reads, writeEvery: 5,
      pilotIds, weeks: Array.from({ length: 400 }, (_, i) => weekAgo(3 + i, started)),
    });

    const { rows: after } = await suite.pg.query<{ id: string; pilot_id: string; week: string }>('SELECT id, pilot_id, week FROM weekly_updates');
    const created = after.filter((r) => !before.has(r.id));
    const afterIds = new Set(after.map((r) => r.id));
    const acknowledgedIds = new Set(report.acknowledged.map((a) => a.id));
    const acknowledgedSlots = new Set(report.acknowledged.map((a) => `${a.pilotId} ${a.week}`));
    const { rows: duplicates } = await suite.pg.query('SELECT pilot_id, week FROM weekly_updates GROUP BY 1, 2 HAVING count(*) > 1');
    const all = [...report.latency.reads, ...report.latency.writes];
    reportFigures('mixed-load', [
      machineLoad(),
      `load: ${CONNECTIONS} keep-alive connections for ${(report.elapsedMs / 1000).toFixed(1)} s from a second process (test/reliability/support/load-generator.ts), 4 reads (pilots list, a pilot page's 9 calls, flags, scale queue) to 1 weekly update post`,
      `requests: ${report.requests} (${(report.requests / (report.elapsedMs / 1000)).toFixed(0)} req/s); statuses: ${Object.entries(report.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')}; socket errors and timeouts: ${report.errors.length}`,
      `latency p50 / p99: all ${ms(percentile(all, 50))} / ${ms(percentile(all, 99))}, reads ${ms(percentile(report.latency.reads, 50))} / ${ms(percentile(report.latency.reads, 99))}, update posts ${ms(percentile(report.latency.writes, 50))} / ${ms(percentile(report.latency.writes, 99))}`,
      `writes: ${report.writesSent} sent, ${report.acknowledged.length} acknowledged, ${created.length} new rows in weekly_updates, ${created.filter((r) => !acknowledgedIds.has(r.id)).length} rows not acknowledged, ${report.acknowledged.filter((a) => !afterIds.has(a.id)).length} acknowledged but missing, pilot+week pairs posted twice: ${duplicates.length}`,
    ]);

    expect(report.errors).toEqual([]);
    expect(report.refusals).toEqual([]);
    expect(report.requests).toBeGreaterThan(CONNECTIONS * 10);
    expect(report.acknowledged.length).toBe(report.writesSent);
    expect(acknowledgedIds.size).toBe(report.acknowledged.length);
    expect(acknowledgedSlots.size).toBe(report.acknowledged.length);
    expect(created.length).toBe(report.acknowledged.length);
    expect(new Set(created.map((r) => r.id))).toEqual(acknowledgedIds);
    expect(new Set(created.map((r) => `${r.pilot_id} ${r.week}`))).toEqual(acknowledgedSlots);
    expect(duplicates).toEqual([]);
  });
});
