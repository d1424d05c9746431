/** Pause between tries of background setup that failed (the database was away, say). */
export const RETRY_SETUP_MS = 30_000;

/**
 * Runs `task` in the background until it succeeds, trying again after a pause when it fails, and giving
 * up once `stopped()` says the app is shutting down. The pause never keeps the process alive.
 */
export function keepTrying(task: () => Promise<unknown>, onFailure: (error: unknown) => void, stopped: () => boolean, pauseMs = RETRY_SETUP_MS): void {
  const attempt = () => {
    if (stopped()) return;
    task().catch((error: unknown) => {
      if (stopped()) return;
      onFailure(error);
      setTimeout(attempt, pauseMs).unref();
    });
  };
  attempt();
}
