import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const PROBE = resolve(__dirname, '../support/embedded-job-queue-probe.cjs');

/**
 * The same job queue (pg-boss) on the embedded default: no DATABASE_URL, PGlite in a data folder, the
 * app's single connection shared with the queue. The built app runs in a process of its own (PGlite
 * cannot start inside a jest worker); retries with backoff and a schedule in a time zone work as on a
 * real PostgreSQL. `npm run build` first.
 */
describe('job queue on the embedded database', () => {
  let dataDir: string;
  let result: {
    embedded: boolean;
    poolSize: number;
    attempts: number[];
    retried: { state: string; retry_count: number };
    fired: { n: number }[];
    scheduleTimeZone: string | null;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'liftoff-jobs-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'silent', SEED_DEMO: 'false', SWEEP_ENABLED: 'false', JOBS_POLL_SECONDS: '0.5', JOBS_CRON_CHECK_SECONDS: '1' };
    delete env.DATABASE_URL;
    const { stdout } = await promisify(execFile)(process.execPath, [PROBE], { env, timeout: 170_000 });
    result = JSON.parse(stdout.trim().split('\n').pop()!);
  }, 180_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs on PGlite, sharing the one connection', () => {
    expect(result.embedded).toBe(true);
    expect(result.poolSize).toBe(1);
  });

  it('retries a handler that fails twice, with a growing delay, until it succeeds', () => {
    expect(result.retried).toEqual({ state: 'completed', retry_count: 2 });
    expect(result.attempts).toHaveLength(3);
    const [first, second] = [result.attempts[1] - result.attempts[0], result.attempts[2] - result.attempts[1]];
    expect(first).toBeGreaterThanOrEqual(900);
    expect(second).toBeGreaterThanOrEqual(1900);
  });

  it('fires a schedule in its time zone', () => {
    expect(result.fired).toEqual([{ n: 3 }]);
    expect(result.scheduleTimeZone).toBe('America/New_York');
  });
});
