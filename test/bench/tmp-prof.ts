import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
import { loadHistories } from '../../server/dist/signals/history-loader';
import { analysePilot, DEFAULT_THRESHOLDS } from '@liftoff/shared';
(async () => {
  const ds = new DataSource({ ...buildDataSourceOptions('postgres://postgres@127.0.0.1:5432/liftoff_bench_cd7f34ba', 10), logging: false });
  await ds.initialize();
  const ids = (await ds.query('select id from pilots order by id')).map((r: any) => r.id);
  let t = Date.now();
  const qs = ['SELECT id, pilot_id, week, created_at, health, confidence, active_users, active_users_outside_team, scale_question_asked, resources_redirected FROM weekly_updates WHERE pilot_id = ANY($1::uuid[]) ORDER BY pilot_id, week_start',
   'SELECT ub.update_id, ub.blocker_id FROM update_blockers ub JOIN blockers b ON b.id = ub.blocker_id WHERE b.pilot_id = ANY($1::uuid[])',
   'SELECT r.kpi_id, u.week, r.value::float8 AS value FROM kpi_readings r JOIN weekly_updates u ON u.id = r.update_id WHERE u.pilot_id = ANY($1::uuid[]) ORDER BY u.week_start'];
  for (const q of qs) { t = Date.now(); const r = await ds.query(q, [ids]); console.log(r.length, Date.now() - t, 'ms', q.slice(0, 40)); }
  t = Date.now();
  const h = await loadHistories(ds.manager, ids);
  console.log('load all', Date.now() - t);
  t = Date.now();
  for (const x of h.values()) analysePilot(x, { today: new Date(), thresholds: DEFAULT_THRESHOLDS });
  console.log('analyse', Date.now() - t);
  await ds.destroy();
})();
