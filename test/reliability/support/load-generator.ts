/**
 * A load generator run as its own process (test/reliability/mixed-load.rel.spec.ts starts it), so the load and its
 * timing do not share an event loop with jest. `connections` keep-alive connections, each sending one request
 * after another until `durationMs` is up; a request in flight then is still answered and counted, so every write
 * ends either acknowledged or refused and the database can be compared with exactly what was acknowledged.
 * Reads a LoadPlan as JSON from stdin and prints a LoadReport as JSON on stdout.
 */
import { Agent, request } from 'node:http';

export interface LoadPlan {
  baseUrl: string;
  /** Header that signs the requests in (a session cookie). */
  cookie: string;
  durationMs: number;
  connections: number;
  timeoutMs: number;
  /** Read URLs, taken in turn. */
  reads: string[];
  /** Every `writeEvery`-th request is a weekly update post. */
  writeEvery: number;
  /** Posts go to these pilots in turn, one week further back each time around, so no pilot+week is posted twice. */
  pilotIds: string[];
  /** ISO weeks to post, newest first (at least writes / pilots of them). */
  weeks: string[];
  /** Posts to send instead of the generated ones, taken in turn (each a distinct pilot+week; at least as many as get sent). */
  writes?: PlannedWrite[];
}

export interface PlannedWrite {
  pilotId: string;
  week: string;
  /** The request body, JSON. */
  body: string;
}

export interface AcknowledgedWrite {
  id: string;
  pilotId: string;
  week: string;
}

export interface LoadReport {
  requests: number;
  elapsedMs: number;
  statuses: Record<string, number>;
  /** Socket errors and timeouts, with what failed. */
  errors: string[];
  /** Answers >= 400, with the request. */
  refusals: string[];
  latency: { reads: number[]; writes: number[] };
  acknowledged: AcknowledgedWrite[];
  writesSent: number;
}

function send(agent: Agent, plan: LoadPlan, method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${plan.baseUrl}${path}`,
      { method, agent, headers: { Cookie: plan.cookie, ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}) }, timeout: plan.timeoutMs },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${plan.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(plan: LoadPlan): Promise<LoadReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections });
  const report: LoadReport = { requests: 0, elapsedMs: 0, statuses: {}, errors: [], refusals: [], latency: { reads: [], writes: [] }, acknowledged: [], writesSent: 0 };
  let next = 0;
  let reads = 0;
  const started = performance.now();
  const end = started + plan.durationMs;

  async function worker(): Promise<void> {
    while (performance.now() < end) {
      const n = next++;
      const write = n % plan.writeEvery === plan.writeEvery - 1;
      let method = 'GET';
      let path: string;
      let body: string | undefined;
      let target: { pilotId: string; week: string } | undefined;
      if (write) {
        const w = report.writesSent++;
        const planned = plan.writes?.[w];
        if (plan.writes && !planned) throw new Error('the plan has too few writes for this load');
        target = planned ?? { pilotId: plan.pilotIds[w % plan.pilotIds.length], week: plan.weeks[Math.floor(w / plan.pilotIds.length)] };
        if (!target.week) throw new Error('the plan has too few weeks for this many writes');
        method = 'POST';
        path = `/api/pilots/${target.pilotId}/updates`;
        body = planned?.body ?? JSON.stringify({
          week: target.week, health: w % 3 === 0 ? 'at_risk' : 'on_track', summary: `Load test week ${target.week}`, confidence: 1 + (w % 5),
          activeUsers: 10 + (w % 40), activeUsersOutsideTeam: w % 7, scaleQuestionAsked: w % 4 === 0, resourcesRedirected: false,
        });
      } else {
        path = plan.reads[reads++ % plan.reads.length];
      }
      const t0 = performance.now();
      try {
        const answer = await send(agent, plan, method, path, body);
        (write ? report.latency.writes : report.latency.reads).push(performance.now() - t0);
        report.requests++;
        report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
        if (answer.status >= 400) report.refusals.push(`${answer.status} ${method} ${path} ${body ?? ''} -> ${answer.text.slice(0, 300)}`);
        else if (write && target) report.acknowledged.push({ id: (JSON.parse(answer.text) as { id: string }).id, pilotId: target.pilotId, week: target.week });
      } catch (error) {
        report.requests++;
        report.errors.push(`${method} ${path}: ${String(error)}`);
      }
    }
  }

  await Promise.all(Array.from({ length: plan.connections }, () => worker()));
  report.elapsedMs = performance.now() - started;
  agent.destroy();
  return report;
}

if (require.main === module) {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => (input += chunk));
  process.stdin.on('end', () => {
    runLoad(JSON.parse(input) as LoadPlan).then(
      (report) => process.stdout.write(JSON.stringify(report)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
