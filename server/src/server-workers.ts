import cluster, { type Worker } from 'node:cluster';

/** How long workers may take to finish their requests after SIGTERM before they are killed. */
const STOP_GRACE_MS = 15_000;
/** A worker that dies after it served is started again after this pause. */
const RESTART_DELAY_MS = 1000;
/** More restarts than this within a minute means something is wrong for good: the whole server stops. */
const MAX_RESTARTS_PER_MINUTE = 10;

/**
 * `SERVER_WORKERS` as main.ts needs it before the config is validated: a whole number above 1 asks for
 * workers; anything else runs the server in this process, where the config check names a bad value.
 */
export function requestedWorkers(env: NodeJS.ProcessEnv): number {
  const value = env.SERVER_WORKERS?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : 1;
}

/**
 * The primary of a server of several worker processes (`SERVER_WORKERS` on a real PostgreSQL): Node
 * runs JavaScript on one core, so one process cannot use a machine's others, while each worker is the
 * whole app, as one more instance on the same database (the job queue, schedules and outbox already
 * work across instances), sharing the one port. The first worker migrates (and seeds, where asked)
 * before the others start, so no two ever migrate at once. If the first fails to start, the primary
 * exits with its code, as a single process would; a worker that dies later is replaced. SIGTERM or
 * SIGINT stops the workers (each finishes its requests) and then the primary.
 */
export function runServerWorkers(count: number): void {
  let stopping = false;
  let stopCode = 0;
  let served = false;
  const restarts: number[] = [];
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      if (served) return;
      served = true;
      for (let i = 1; i < count; i++) cluster.fork();
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopCode);
      return;
    }
    if (!served) {
      console.error(`The server's first worker stopped before it served (${signal ?? `exit code ${code}`}).`);
      process.exit(code || 1);
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      console.error(`Server workers stopped ${restarts.length} times within a minute; the last with ${signal ?? `exit code ${code}`}. Giving up.`);
      stop(1);
      return;
    }
    console.error(`A server worker (process ${worker.process.pid}) stopped (${signal ?? `exit code ${code}`}); starting another.`);
    setTimeout(() => (stopping ? undefined : fork()), RESTART_DELAY_MS).unref();
  });

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    stopCode = exitCode;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(exitCode);
    }, STOP_GRACE_MS).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(0));
  fork();
}
