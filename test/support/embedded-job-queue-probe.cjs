// Runs the built app (server/dist) on the embedded database as an application context, works the job
// queue (a handler that fails twice, a schedule in a time zone) and prints what happened as one JSON
// line. PGlite cannot start inside a jest worker, hence a process of its own; the spec asserts.
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { DataSource } = require('typeorm');
const { AppModule } = require('../../server/dist/app.module');
const { JobQueue } = require('../../server/dist/jobs/job-queue');
const { DatabaseConnection } = require('../../server/dist/database/database-connection');

const until = async (probe, timeoutMs) => {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

(async () => {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), { logger: false });
  const queue = app.get(JobQueue);
  const dataSource = app.get(DataSource);
  const attempts = [];
  await queue.work('embedded-retry', async () => {
    attempts.push(Date.now());
    if (attempts.length <= 2) throw new Error(`attempt ${attempts.length} failed on purpose`);
  });
  const id = await queue.send('embedded-retry', { n: 1 }, { retryLimit: 3, retryDelay: 1, retryBackoff: true });
  const stateOf = async () => (await dataSource.query('SELECT state, retry_count FROM pgboss.job WHERE id = $1', [id]))[0];
  await until(async () => (await stateOf())?.state === 'completed', 30_000);
  const fired = [];
  await queue.work('embedded-schedule', async (data) => {
    fired.push(data);
  });
  await queue.schedule('embedded-schedule', '* * * * *', { n: 3 }, 'America/New_York');
  await until(async () => fired.length > 0, 20_000);
  const [schedule] = await dataSource.query("SELECT timezone FROM pgboss.schedule WHERE name = 'embedded-schedule'");
  await queue.unschedule('embedded-schedule');
  const result = {
    embedded: app.get(DatabaseConnection).isEmbedded,
    poolSize: dataSource.options.poolSize,
    attempts,
    retried: await stateOf(),
    fired,
    scheduleTimeZone: schedule?.timezone ?? null,
  };
  await app.close();
  console.log(JSON.stringify(result));
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
