/**
 * Sweep benchmark: builds the `large` dataset (5,000 pilots x 104 weekly updates) with the demo
 * generator on a real PostgreSQL, runs the full portfolio sweep, and prints its time next to a
 * hand-written single-SQL floor for the heaviest rule (repeated blockers).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:sweep
 *
 * Options: BENCH_PILOTS (default 5000), BENCH_POOL (connections, default 10; 1 runs the embedded
 * database's single-connection path), BENCH_KEEP=1 keeps the database for inspection.
 */
import { SettingsService } from '../../server/dist/settings/settings.service';
import { DomainEvents } from '../../server/dist/events/domain-events.service';
import { AnalysisService } from '../../server/dist/signals/analysis.service';
import { createLargeDatabase, seconds } from './large-database';
import { REPEATED_BLOCKER_FLOOR_SQL } from './repeated-blocker-floor';

async function main(): Promise<void> {
  const database = await createLargeDatabase({
    pilots: process.env.BENCH_PILOTS ? Number(process.env.BENCH_PILOTS) : undefined,
    poolSize: Number(process.env.BENCH_POOL ?? 10),
  });
  const { dataSource } = database;
  try {
    const analysis = new AnalysisService(dataSource, new SettingsService(dataSource, new DomainEvents()));
    for (const label of ['first sweep (opens flags)', 'second sweep (refreshes flags)']) {
      const result = await analysis.sweep();
      console.log(`${label}: ${seconds(result.durationMs)} for ${result.pilots} pilots = ${Math.round(result.pilots / (result.durationMs / 1000))} pilots/s; opened ${result.flagsOpened}, resolved ${result.flagsResolved}`);
    }
    const t = Date.now();
    const floor = await dataSource.query(REPEATED_BLOCKER_FLOOR_SQL, [3]);
    console.log(`single-SQL floor, repeated_blocker only: ${seconds(Date.now() - t)} (${floor.length} blockers with >= 3 consecutive mentions)`);
  } finally {
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
