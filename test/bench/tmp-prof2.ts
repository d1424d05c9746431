import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../server/dist/database/data-source-options';
(async () => {
  const ds = new DataSource({ ...buildDataSourceOptions('postgres://postgres@127.0.0.1:5432/liftoff_bench_cd7f34ba', 10), logging: false });
  await ds.initialize();
  const ids = (await ds.query('select id from pilots order by id')).map((r: any) => r.id);
  const qs = [
   `SELECT u.pilot_id, json_agg(json_build_array(u.week, u.created_at, u.health, u.confidence, u.active_users, u.active_users_outside_team, u.scale_question_asked, u.resources_redirected, (SELECT array_agg(ub.blocker_id) FROM update_blockers ub WHERE ub.update_id = u.id)) ORDER BY u.week_start)::text AS updates FROM weekly_updates u WHERE u.pilot_id = ANY($1::uuid[]) GROUP BY u.pilot_id`,
   `SELECT r.kpi_id, json_agg(json_build_array(u.week, r.value) ORDER BY u.week_start)::text AS readings FROM kpi_readings r JOIN weekly_updates u ON u.id = r.update_id WHERE u.pilot_id = ANY($1::uuid[]) GROUP BY r.kpi_id`,
   `SELECT u.pilot_id, json_agg(json_build_array(u.week, u.created_at, u.health, u.confidence, u.active_users, u.active_users_outside_team, u.scale_question_asked, u.resources_redirected, u.id) ORDER BY u.week_start)::text AS updates FROM weekly_updates u WHERE u.pilot_id = ANY($1::uuid[]) GROUP BY u.pilot_id`,
  ];
  for (const q of qs) { const t = Date.now(); const r = await ds.query(q, [ids]); let n=0; for (const row of r) n += JSON.parse(row.updates ?? row.readings).length; console.log(r.length, n, Date.now() - t, 'ms', q.slice(0, 60)); }
  const half = [ids.slice(0, 500), ids.slice(500)];
  const t = Date.now(); await Promise.all(half.map(h => ds.query(qs[0], [h]).then(r => r.forEach((row: any) => JSON.parse(row.updates))))); console.log('parallel 2', Date.now() - t);
  await ds.destroy();
})();
