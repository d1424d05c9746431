import { addIsoWeeks, isoWeekOf } from '@liftoff/shared';

/**
 * A steady load of weekly-update posts against a running server, recording every attempt, so that a
 * suite can check afterwards that each acknowledged write (201) is stored exactly once.
 */

export const RELIABILITY_ADMIN = { email: 'reliability@example.com', password: 'a long reliability passphrase' };

/** Signs in as the bootstrap admin (ADMIN_EMAIL / ADMIN_PASSWORD) and returns a fresh API token. */
export async function adminToken(baseUrl: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(RELIABILITY_ADMIN),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const created = await fetch(`${baseUrl}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ name: 'reliability suite' }),
  });
  if (created.status !== 201) throw new Error(`token creation failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

async function post<T>(baseUrl: string, token: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface LoadPortfolio {
  leadId: string;
  pilotIds: string[];
}

/** A unit, a lead, a sponsor and `count` piloting pilots, created through the API. */
export async function createLoadPortfolio(baseUrl: string, token: string, count: number): Promise<LoadPortfolio> {
  const tag = Date.now().toString(36);
  const unit = await post<{ id: string }>(baseUrl, token, '/api/business-units', { name: `Reliability ${tag}` });
  const person = (role: string) =>
    post<{ id: string }>(baseUrl, token, '/api/people', { name: `Reliability ${role} ${tag}`, email: `rel-${role}-${tag}@example.com`, role, businessUnitId: unit.id });
  const lead = await person('pilot_lead');
  const sponsor = await person('executive');
  const pilotIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const pilot = await post<{ id: string }>(baseUrl, token, '/api/pilots', {
      name: `Reliability pilot ${tag}-${i}`,
      useCaseCategory: 'customer_service',
      startDate: '2020-01-06',
      complexity: 'typical',
      annualValueAtScale: 500000,
      costToScale: 100000,
      businessUnitId: unit.id,
      leadId: lead.id,
      sponsorId: sponsor.id,
      stage: 'piloting',
    });
    pilotIds.push(pilot.id);
  }
  return { leadId: lead.id, pilotIds };
}

export interface Attempt {
  slot: number;
  pilotId: string;
  week: string;
  /** Unique per attempt and stored as the update's summary, so a stored row names its attempt. */
  token: string;
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 when no answer came (connection error, abort, timeout). */
  status: number;
  /** The created update's id, on 201. */
  id?: string;
  /** A 201 whose body was cut off (counted as no answer, status 0). */
  bodyCut?: boolean;
}

export interface LoadOptions {
  baseUrl: string;
  token: string;
  portfolio: LoadPortfolio;
  workers: number;
  /** Give up on one request after this long (counted as a hang, status 0). */
  requestTimeoutMs: number;
  /** Pause before a worker retries a slot that was not acknowledged. */
  retryPauseMs: number;
  stop: () => boolean;
  onAttempt?: (attempt: Attempt) => void;
  /** Where this run starts in the (pilot, week) slots, so that several runs on one portfolio do not collide. */
  firstSlot?: number;
}

/**
 * Each worker takes the next free (pilot, week) slot and posts it until it is acknowledged: a 201
 * moves on; a 503 or no answer retries the same slot (with a new attempt token); a 409 on a retry
 * means an earlier attempt was stored without its answer reaching us, which is allowed (the database
 * still holds it exactly once) and also moves on.
 */
export async function runUpdateLoad(options: LoadOptions): Promise<Attempt[]> {
  const { baseUrl, token, portfolio } = options;
  const attempts: Attempt[] = [];
  const thisWeek = isoWeekOf(new Date());
  let nextSlot = options.firstSlot ?? 0;
  let serial = 0;
  const slotAt = (slot: number) => ({
    pilotId: portfolio.pilotIds[slot % portfolio.pilotIds.length],
    week: addIsoWeeks(thisWeek, -Math.floor(slot / portfolio.pilotIds.length)),
  });
  const worker = async () => {
    while (!options.stop()) {
      const slot = nextSlot++;
      const { pilotId, week } = slotAt(slot);
      let retried = false;
      while (!options.stop()) {
        const attempt: Attempt = { slot, pilotId, week, token: `rel-${slot}-${++serial}-${Date.now().toString(36)}`, startedAt: Date.now(), endedAt: 0, status: 0 };
        try {
          const res = await fetch(`${baseUrl}/api/pilots/${pilotId}/updates`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({
              week,
              authorId: portfolio.leadId,
              health: 'on_track',
              summary: attempt.token,
              confidence: 4,
              activeUsers: 20,
              activeUsersOutsideTeam: 5,
              scaleQuestionAsked: false,
              resourcesRedirected: false,
            }),
            signal: AbortSignal.timeout(options.requestTimeoutMs),
          });
          attempt.status = res.status;
          const body = (await res.json().catch(() => null)) as { id?: string } | null;
          if (res.status === 201 && body?.id) attempt.id = body.id;
          else if (res.status === 201) {
            // The status line came but the body did not (a larger answer is gzipped and sent after its
            // headers; a kill between the two cuts it): the client never learned the outcome, so this
            // is no acknowledgement. It may be stored, once, like any answer that did not arrive.
            attempt.status = 0;
            attempt.bodyCut = true;
          }
        } catch {
          attempt.status = 0;
        }
        attempt.endedAt = Date.now();
        attempts.push(attempt);
        options.onAttempt?.(attempt);
        if (attempt.status === 201 || (attempt.status === 409 && retried)) break;
        if (attempt.status !== 503 && attempt.status !== 0) break; // anything else is reported, not retried
        retried = true;
        await new Promise((r) => setTimeout(r, options.retryPauseMs));
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  return attempts;
}

export interface StoredUpdate {
  id: string;
  summary: string;
}

export interface WriteCheck {
  acknowledged: number;
  lost: string[];
  /** Attempt tokens stored more than once. */
  duplicated: string[];
  /** Stored rows whose attempt got no 201 (stored, but the answer was lost on the way). */
  storedWithoutAnswer: number;
}

/** Compares what was acknowledged with what is stored. */
export function checkWrites(attempts: Attempt[], stored: StoredUpdate[]): WriteCheck {
  const byId = new Map(stored.map((row) => [row.id, row.summary]));
  const acknowledged = attempts.filter((a) => a.status === 201);
  const lost = acknowledged.filter((a) => byId.get(a.id!) !== a.token).map((a) => a.token);
  const counts = new Map<string, number>();
  for (const row of stored) counts.set(row.summary, (counts.get(row.summary) ?? 0) + 1);
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([summary]) => summary);
  const acknowledgedTokens = new Set(acknowledged.map((a) => a.token));
  const storedWithoutAnswer = stored.filter((row) => row.summary.startsWith('rel-') && !acknowledgedTokens.has(row.summary)).length;
  return { acknowledged: acknowledged.length, lost, duplicated, storedWithoutAnswer };
}

/** Every weekly update of the given pilots, read through the API. */
export async function storedUpdatesViaApi(baseUrl: string, token: string, pilotIds: string[]): Promise<StoredUpdate[]> {
  const stored: StoredUpdate[] = [];
  for (const pilotId of pilotIds) {
    for (let page = 1; ; page++) {
      const res = await fetch(`${baseUrl}/api/pilots/${pilotId}/updates?page=${page}&pageSize=200`, { headers: { Authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`listing updates: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { items: StoredUpdate[]; total: number };
      stored.push(...body.items.map(({ id, summary }) => ({ id, summary })));
      if (page * 200 >= body.total) break;
    }
  }
  return stored;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
