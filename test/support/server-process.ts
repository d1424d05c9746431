import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const SERVER_ENTRY = resolve(__dirname, '../../server/dist/main.js');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Every server started and not yet stopped, so a failed test can still clean up. */
const running = new Set<RunningServer>();

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code (null if it had to be killed). */
  stop(): Promise<number | null>;
}

/** Starts the built server (`npm run build` first) as a real process and waits for /api/health. */
export async function startServer(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<RunningServer> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run "npm run build" first`);
  // A test that must know the address first (a callback URL registered elsewhere) passes PORT.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [SERVER_ENTRY], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const server: RunningServer = {
    baseUrl,
    process: child,
    output: () => log,
    stop: async () => {
      running.delete(server);
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  running.add(server);
  return server;
}

/**
 * Waits until `count` processes of a server announced that they serve: with SERVER_WORKERS the later
 * workers start after the first, and connections made before they listen all go to the first.
 */
export async function waitForServing(server: RunningServer, count: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((server.output().match(/Liftoff is running/g) ?? []).length < count) {
    if (Date.now() > deadline) throw new Error(`${count} server processes did not start serving:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
