import { Client } from 'pg';

/** A row lock held from outside the app (another session), so a write of the app blocks on it. */
export interface HeldLock {
  /** Ends the holding transaction (ROLLBACK), so blocked writes go on. */
  release(): Promise<void>;
}

export async function lockPilotRow(databaseUrl: string, pilotId: string): Promise<HeldLock> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'liftoff-test-lock' });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM pilots WHERE id = $1 FOR UPDATE', [pilotId]);
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** The app's statements waiting on a lock right now (pg_stat_activity), as `{ pid, query }`. */
export async function lockWaits(databaseUrl: string): Promise<{ pid: number; query: string }[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT pid, query FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'liftoff' AND state = 'active' AND wait_event_type = 'Lock'`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** Polls `probe` every 50 ms until it returns true; the elapsed ms, or -1 after `timeoutMs`. */
export async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started <= timeoutMs) {
    if (await probe()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  return -1;
}
