import fc from 'fast-check';
import type { Pool } from 'pg';
import type { ApiClient, RawRequest } from './api-client';
import { changedTables, tableChecksums, type Checksums } from './checksum';
import { fieldByFieldRequests, hostileRequests, pathParamTable, type HostileRequest, type Knowledge } from './hostile-requests';
import { isWrite, routeName, type Operation } from './openapi';
import { seedMutations, type SeedBank } from './seed-mutations';
import { resolveRequest, type IdPool } from './resolve-request';

export interface Sent {
  route: string;
  write: boolean;
  request: RawRequest;
  status: number;
  answer: string;
  /** A second sending of a refused request (never sent a third time). */
  again?: boolean;
}

export interface ChecksumBreach {
  tables: string[];
  requests: Sent[];
}

export interface FuzzResults {
  /** Distinct hostile requests answered (a refusal sent again for its check counts once, in `resent`). */
  sent: number;
  perRoute: Map<string, Map<number, number>>;
  /** Routes that got a 2xx, a 400 naming fields, or a 409: the request reached validation or the handler. */
  reached: Set<string>;
  statuses: Map<number, number>;
  serverErrors: Sent[];
  /** Requests that failed at the socket (reset, timeout). */
  transportErrors: { route: string; request: RawRequest; error: string }[];
  breaches: ChecksumBreach[];
  /** Refused requests whose window's checksum was compared (and found equal, or listed in `breaches`). */
  rejectedVerified: number;
  rejected: number;
  acceptedWrites: number;
  readsVerified: number;
  /** Refused requests sent again because an accepted write shared their window. */
  resent: number;
  /** Refusals never checked: sent again and again sharing a window with an accepted write. */
  unverified: number;
  /** Milliseconds: answers (summed over requests in flight), and wall time of windows, checksums, generation, rounds' ends. */
  timings: { requests: number; windows: number; checksums: number; generation: number; roundEnds: number };
  /** Milliseconds of answers per route, to see where the time goes. */
  routeMs: Map<string, number>;
  /** True when the deadline stopped the run before `minRequests`. */
  outOfTime: boolean;
}

export interface FuzzPlan {
  operations: Operation[];
  /** Requests per operation and round, knowing how long its answers took so far (undefined in the first round). */
  quota: (op: Operation, meanMs: number | undefined) => number;
  minRequests: number;
  seed: number;
  /** Requests in flight at once; a checksum is taken after each such window. */
  concurrency: number;
  deadline: number;
  /** Accepted requests per route: half of each write route's requests mutate one of them. */
  seeds: SeedBank;
  /** Sees every answer (FUZZ_DUMP writes them all to a file for study). */
  onAnswer?: (sent: Sent) => void;
  /** Called after every round (the portfolio is topped up there, sanity probes run there). */
  afterRound: (round: number) => Promise<void>;
}

type Outcome = { sent: Sent } | { failed: { route: string; request: RawRequest; error: string } };

/**
 * Sends the plan's hostile requests round after round (each round: every operation its quota, shuffled, ids
 * refreshed from the database) in windows of `concurrency` requests, until `minRequests` are sent. A checksum
 * of every table is taken after each window: a window in which no write was accepted must leave it equal. The
 * refused requests of a window that also held an accepted write are sent once more in a later window, so
 * nearly every refusal is checked.
 */
export async function runFuzz(plan: FuzzPlan, api: ApiClient, pg: Pool, pool: IdPool): Promise<FuzzResults> {
  const results: FuzzResults = {
    sent: 0, perRoute: new Map(), reached: new Set(), statuses: new Map(), serverErrors: [], transportErrors: [], breaches: [],
    rejectedVerified: 0, rejected: 0, acceptedWrites: 0, readsVerified: 0, resent: 0, unverified: 0, timings: { requests: 0, windows: 0, checksums: 0, generation: 0, roundEnds: 0 }, routeMs: new Map(), outOfTime: false,
  };
  const checksums = async () => {
    const t0 = performance.now();
    const sums = await tableChecksums(pg);
    results.timings.checksums += performance.now() - t0;
    return sums;
  };

  const send = async (hostile: HostileRequest | { again: Sent }, knowledge: Knowledge): Promise<Outcome> => {
    const op = 'again' in hostile ? undefined : hostile.operation;
    const route = 'again' in hostile ? hostile.again.route : routeName(hostile.operation);
    const write = 'again' in hostile ? hostile.again.write : isWrite(op!);
    const request = 'again' in hostile ? hostile.again.request : await resolveRequest(hostile, pool, (name) => pathParamTable(op!, name, knowledge));
    try {
      const answer = await api.raw(request);
      results.timings.requests += answer.ms;
      results.routeMs.set(route, (results.routeMs.get(route) ?? 0) + answer.ms);
      return { sent: { route, write, request, status: answer.status, answer: answer.text.slice(0, 400), again: 'again' in hostile } };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { failed: { route, request, error: `${String(error)}${cause ? ` (${cause.code ?? cause.message})` : ''}` } };
    }
  };

  const record = (sent: Sent) => {
    const { route, status, answer, write } = sent;
    plan.onAnswer?.(sent);
    if (!sent.again) results.sent++;
    count(results.statuses, status);
    if (!results.perRoute.has(route)) results.perRoute.set(route, new Map());
    count(results.perRoute.get(route)!, status);
    if (status < 300 || status === 409 || (status === 400 && answer.includes('"fieldErrors"'))) results.reached.add(route);
    if (status >= 500) results.serverErrors.push(sent);
    if (status >= 400 && status < 500) results.rejected++;
    if (write && status < 400) {
      results.acceptedWrites++;
      if (!sent.again) plan.seeds.record(sent.request.method, sent.request.url, sent.request.body);
    }
  };

  for (let round = 0; results.sent < plan.minRequests; round++) {
    if (Date.now() > plan.deadline) {
      results.outOfTime = true;
      break;
    }
    const g0 = performance.now();
    await pool.refresh();
    const knowledge: Knowledge = { tables: pool.tables, examples: knowledgeExamples };
    const meanMs = (op: Operation) => {
      const n = [...(results.perRoute.get(routeName(op))?.values() ?? [])].reduce((a, b) => a + b, 0);
      return n ? results.routeMs.get(routeName(op))! / n : undefined;
    };
    // The first round also nulls each body field in turn; then only random draws.
    const systematic = round === 0 ? plan.operations.flatMap((op, i) => fieldByFieldRequests(op, knowledge, plan.seed + i)) : [];
    const arbitrary = (op: Operation) => (isWrite(op) && plan.seeds.of(op).length ? fc.oneof({ weight: 1, arbitrary: hostileRequests(op, knowledge) }, { weight: 2, arbitrary: seedMutations(op, plan.seeds.of(op), knowledge) }) : hostileRequests(op, knowledge));
    const batch = systematic.concat(...plan.operations.map((op, i) => fc.sample(arbitrary(op), { numRuns: plan.quota(op, meanMs(op)), seed: plan.seed + round * 7919 + i * 104729 })));
    const queue: (HostileRequest | { again: Sent })[] = fc.sample(fc.shuffledSubarray(batch, { minLength: batch.length }), { numRuns: 1, seed: plan.seed + round })[0];
    results.timings.generation += performance.now() - g0;
    let baseline: Checksums = await checksums();
    while (queue.length > 0) {
      const window = queue.splice(0, plan.concurrency);
      const w0 = performance.now();
      const outcomes = await Promise.all(window.map((item) => send(item, knowledge)));
      results.timings.windows += performance.now() - w0;
      const sent: Sent[] = [];
      for (const outcome of outcomes) {
        if ('failed' in outcome) results.transportErrors.push(outcome.failed);
        else {
          record(outcome.sent);
          sent.push(outcome.sent);
        }
      }
      const now = await checksums();
      const accepted = sent.some((s) => s.write && s.status < 400);
      if (!accepted) {
        const changed = changedTables(baseline, now);
        if (changed.length) results.breaches.push({ tables: changed, requests: sent });
        results.rejectedVerified += sent.filter((s) => s.status >= 400 && s.status < 500).length;
        results.readsVerified += sent.filter((s) => !s.write && s.status < 400).length;
      } else {
        // Checked again in a window of their own kind: refusals only.
        const again = sent.filter((s) => s.status >= 400 && s.status < 500 && !s.again);
        results.resent += again.length;
        results.unverified += sent.filter((s) => s.status >= 400 && s.status < 500 && s.again).length;
        queue.push(...again.map((s) => ({ again: s })));
      }
      baseline = now;
    }
    const e0 = performance.now();
    await plan.afterRound(round);
    results.timings.roundEnds += performance.now() - e0;
  }
  return results;
}

/** Values the document leaves untyped (an object of thresholds), as the API itself answers them. */
const knowledgeExamples = new Map<string, unknown>();

/** Reads every GET without parameters once and remembers its object-valued fields by name. */
export async function learnExamples(api: ApiClient, operations: Operation[]): Promise<void> {
  for (const op of operations.filter((o) => o.method === 'GET' && o.pathParams.length === 0)) {
    const answer = await api.raw({ method: 'GET', url: op.path });
    if (answer.status !== 200) continue;
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      continue; // a download (CSV), not a record to learn from
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) continue;
    for (const [key, value] of Object.entries(body)) {
      if (value && typeof value === 'object' && !Array.isArray(value) && !knowledgeExamples.has(key)) knowledgeExamples.set(key, value);
    }
  }
}

function count(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** A failing request as someone would replay it with curl: method, URL, body (long ones shortened, with their length). */
export function describeRequest(request: RawRequest): string {
  const body = request.body === undefined ? '' : `\n    body (${request.body.length} chars, ${request.headers?.['Content-Type']}): ${request.body.length > 600 ? `${request.body.slice(0, 600)}…` : request.body}`;
  return `${request.method} ${request.url}${body}`;
}
