/**
 * Import benchmark: 10,000 weekly-update rows (100 pilots x 100 weeks, two KPI readings each, a recurring
 * blocker) imported through the API of the real built server on real PostgreSQL: dry run, then confirm
 * (parse, check, write, and the analysis of every touched pilot, in one transaction). The floor is a bare
 * INSERT of the same updates, readings, blocker and links from prepared arrays, in a transaction that
 * first deletes what the import wrote and is rolled back; it must leave the same rows (checked by checksum).
 * Target: the confirm in <= 10 s.
 *
 *   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node --transpile-only -P test/tsconfig.json test/bench/import.bench.ts
 *
 * Options: BENCH_PILOTS (default 100), BENCH_WEEKS (default 100).
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { isoWeekStart } from '@liftoff/shared';
import { startServer, stopAllServers } from '../support/server-process';
import { importWorkload, uploadImport } from '../support/import-workload';
import { adminToken, RELIABILITY_ADMIN } from '../reliability/support/update-load';

const PILOTS = Number(process.env.BENCH_PILOTS ?? 100);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 100);

/** Everything the import writes for the updates, in one comparable string. */
const CHECKSUM_SQL = `
  SELECT count(*)::int AS updates, md5(string_agg(line, '|' ORDER BY line)) AS checksum FROM (
    SELECT p.name || u.week || u.health || u.summary || u.confidence || u.active_users || u.active_users_outside_team
        || coalesce((SELECT string_agg(k.name || '=' || r.value::float8, ',' ORDER BY k.name) FROM kpi_readings r JOIN kpis k ON k.id = r.kpi_id WHERE r.update_id = u.id), '')
        || coalesce((SELECT string_agg(b.text || b.category, ',') FROM update_blockers ub JOIN blockers b ON b.id = ub.blocker_id WHERE ub.update_id = u.id), '') AS line
      FROM weekly_updates u JOIN pilots p ON p.id = u.pilot_id) lines`;

async function main(): Promise<void> {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = `bench_import_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  try {
    const server = await startServer({ DATABASE_URL: url.toString(), SEED_DEMO: 'false', SWEEP_ENABLED: 'false', ADMIN_EMAIL: RELIABILITY_ADMIN.email, ADMIN_PASSWORD: RELIABILITY_ADMIN.password }, 120_000);
    const token = await adminToken(server.baseUrl);
    const workload = importWorkload(PILOTS, WEEKS);
    const created = await uploadImport(server.baseUrl, token, '/api/imports/pilots', workload.pilotsCsv, { createPeople: 'true', createUnits: 'true' });
    if (created.status !== 201) throw new Error(`pilots import: ${created.status} ${await created.text()}`);
    const rows = workload.updates.length;
    console.log(`${rows} update rows, ${(Buffer.byteLength(workload.updatesCsv) / 1e6).toFixed(1)} MB CSV; load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    let t = Date.now();
    const dry = await uploadImport(server.baseUrl, token, '/api/imports/weekly-updates/dry-run', workload.updatesCsv);
    const dryReport = await dry.json();
    const dryMs = Date.now() - t;
    if (dry.status !== 200 || dryReport.created !== rows) throw new Error(`dry run: ${dry.status} ${JSON.stringify(dryReport).slice(0, 500)}`);
    t = Date.now();
    const confirm = await uploadImport(server.baseUrl, token, '/api/imports/weekly-updates', workload.updatesCsv);
    const report = await confirm.json();
    const productMs = Date.now() - t;
    if (confirm.status !== 201 || report.created !== rows) throw new Error(`confirm: ${confirm.status} ${JSON.stringify(report).slice(0, 500)}`);
    await server.stop();

    const db = new Client({ connectionString: url.toString() });
    db.on('error', () => undefined); // the database is dropped at the end, with this client still connected on failure
    await db.connect();
    const product = (await db.query(CHECKSUM_SQL)).rows[0];
    const diagnosed = (await db.query(`SELECT count(*)::int AS n FROM pilot_diagnoses`)).rows[0].n;
    const floorMs = await floor(db, workload.updates);
    const floorResult = (await db.query(CHECKSUM_SQL)).rows[0];
    await db.query('ROLLBACK');
    await db.end();
    if (product.checksum !== floorResult.checksum || product.updates !== rows) throw new Error(`floor differs: ${JSON.stringify({ product, floorResult })}`);

    console.log(`dry run (read, check, report; writes nothing): ${(dryMs / 1000).toFixed(2)} s`);
    console.log(`import confirm (read, check, write, analyse ${diagnosed} pilots; one transaction): ${(productMs / 1000).toFixed(2)} s = ${Math.round(rows / (productMs / 1000))} rows/s (target <= 10 s)`);
    console.log(`floor, bare INSERT of the same rows: ${(floorMs / 1000).toFixed(2)} s; ratio ${(productMs / floorMs).toFixed(1)}x; same rows: checksum ${product.checksum}`);
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await stopAllServers();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Deletes the imported updates and inserts them again from arrays, leaving the transaction open for the check. */
async function floor(db: Client, updates: ReturnType<typeof importWorkload>['updates']): Promise<number> {
  await db.query('BEGIN');
  await db.query(`DELETE FROM weekly_updates`);
  await db.query(`DELETE FROM blockers`);
  const pilots = new Map<string, string>((await db.query(`SELECT id, name FROM pilots`)).rows.map((r) => [r.name, r.id]));
  const kpis = new Map<string, string>((await db.query(`SELECT k.id, p.name || '/' || k.name AS key FROM kpis k JOIN pilots p ON p.id = k.pilot_id`)).rows.map((r) => [r.key, r.id]));
  const [author] = (await db.query(`SELECT id FROM people WHERE email = 'lead0@workload.example'`)).rows;
  const ids = updates.map(() => randomUUID());
  const blockerIds = new Map<string, string>();
  for (const u of updates) if (u.blocker && !blockerIds.has(`${u.pilot}/${u.blocker}`)) blockerIds.set(`${u.pilot}/${u.blocker}`, randomUUID());
  const t = Date.now();
  await db.query(
    `INSERT INTO weekly_updates (id, pilot_id, week, week_start, author_id, health, summary, confidence, active_users, active_users_outside_team, version)
     SELECT *, 1 FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::date[], $5::uuid[], $6::update_health[], $7::text[], $8::smallint[], $9::int[], $10::int[])`,
    [ids, updates.map((u) => pilots.get(u.pilot)), updates.map((u) => u.week), updates.map((u) => isoWeekStart(u.week).toISOString().slice(0, 10)),
      updates.map(() => author.id), updates.map((u) => u.health), updates.map((u) => u.summary), updates.map((u) => u.confidence),
      updates.map((u) => u.activeUsers), updates.map((u) => u.outside)],
  );
  const readings = updates.flatMap((u, i) => [[ids[i], kpis.get(`${u.pilot}/Hours saved`), u.hours], [ids[i], kpis.get(`${u.pilot}/Error rate`), u.errorRate]]);
  await db.query(`INSERT INTO kpi_readings (update_id, kpi_id, value) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[])`,
    [readings.map((r) => r[0]), readings.map((r) => r[1]), readings.map((r) => r[2])]);
  const blockers = [...blockerIds].map(([key, id]) => ({ id, pilot: key.slice(0, key.indexOf('/')), text: key.slice(key.indexOf('/') + 1) }));
  await db.query(`INSERT INTO blockers (id, pilot_id, text, category, first_seen_week, last_seen_week, version) SELECT id, pilot, text, 'integration', '', '', 1 FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS b(id, pilot, text)`,
    [blockers.map((b) => b.id), blockers.map((b) => pilots.get(b.pilot)), blockers.map((b) => b.text)]);
  const links = updates.flatMap((u, i) => (u.blocker ? [[ids[i], blockerIds.get(`${u.pilot}/${u.blocker}`)]] : []));
  await db.query(`INSERT INTO update_blockers (update_id, blocker_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [links.map((l) => l[0]), links.map((l) => l[1])]);
  return Date.now() - t;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
