import { isoWeekOf } from '@liftoff/shared';
import type { Pool } from 'pg';
import type { ApiClient } from './api-client';

interface Row {
  id: string;
  version?: number;
}

let serial = 0;
const unique = (prefix: string) => `${prefix} ${++serial}-${Date.now().toString(36)}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** The ISO week `weeksAgo` weeks before this one (or before the week of `from`, to count from one moment). */
export const weekAgo = (weeksAgo: number, from = new Date()) => isoWeekOf(new Date(from.getTime() - weeksAgo * 7 * 86_400_000));

/**
 * A small portfolio with a record of every kind, made through the API as people would: units, people of each
 * role (one invited with a pending link), pilots in several stages with KPIs, weekly updates with readings and
 * blockers, a decision, an assessment, a stage change, an API token, and the flags and diagnoses of a sweep.
 * Small on purpose: the fuzzer's sweeps and settings changes re-analyse the whole portfolio.
 */
export async function buildPortfolio(api: ApiClient): Promise<void> {
  const unit = await api.expect<Row>(201, 'POST', '/api/business-units', { name: unique('Unit') });
  await api.expect(201, 'POST', '/api/business-units', { name: unique('Empty unit') });
  const person = (role: string, businessUnitId: string | null = unit.id) =>
    api.expect<Row>(201, 'POST', '/api/people', { name: unique(role), email: `${unique(role).replace(/\W+/g, '.').toLowerCase()}@example.com`, role, businessUnitId });
  const lead = await person('pilot_lead');
  const sponsor = await person('executive');
  await person('viewer', null);
  await person('program_office', null);
  await api.expect(201, 'POST', '/api/people/invite', { name: unique('Invitee'), email: `${unique('invitee').replace(/\W+/g, '.')}@example.com`, role: 'pilot_lead', businessUnitId: unit.id });

  const pilot = (stage: string, extra: Record<string, unknown> = {}) =>
    api.expect<Row>(201, 'POST', '/api/pilots', {
      name: unique(`Pilot ${stage}`), businessUnitId: unit.id, leadId: lead.id, sponsorId: sponsor.id, useCaseCategory: 'document_processing',
      startDate: inDays(-200), complexity: 'typical', stage, annualValueAtScale: 250000, costToDate: 40000, costToScale: 90000,
      integrationSystems: ['CRM'], summary: 'Drafts replies from the case history.', ...extra,
    });
  const piloting = await pilot('piloting', { stageEnteredAt: inDays(-150) });
  const scaling = await pilot('scaling');
  await pilot('proposed', { sponsorId: null });
  const paused = await pilot('piloting');
  await api.expect(200, 'POST', `/api/pilots/${paused.id}/stage`, { stage: 'paused', version: paused.version, note: 'Budget freeze' });

  const kpis: Row[] = [];
  const updates: Row[] = [];
  for (const target of [piloting, scaling]) {
    const kpi = await api.expect<Row>(201, 'POST', `/api/pilots/${target.id}/kpis`, { name: unique('Handling time'), unit: 'minutes', baseline: 12, target: 8, direction: 'lower_is_better', minValue: 0 });
    kpis.push(kpi);
    await api.expect(201, 'POST', `/api/pilots/${target.id}/kpis`, { name: unique('Adoption'), unit: '%', baseline: 10, target: 60, direction: 'higher_is_better', minValue: 0, maxValue: 100 });
    for (const weeksAgo of [3, 2, 1]) {
      const update = await api.expect<Row>(201, 'POST', `/api/pilots/${target.id}/updates`, {
        week: weekAgo(weeksAgo), authorId: lead.id, health: weeksAgo === 1 ? 'at_risk' : 'on_track', summary: `Week ${weeksAgo}: steady.`,
        confidence: 3, activeUsers: 20 + weeksAgo, activeUsersOutsideTeam: 2, scaleQuestionAsked: weeksAgo === 1, resourcesRedirected: false,
        kpiReadings: [{ kpiId: kpi.id, value: 11 - weeksAgo }],
        blockers: [{ text: 'Waiting on production data access', category: 'data', isNew: weeksAgo === 3 }, { text: `Security review slot ${weeksAgo}`, category: 'security_compliance', isNew: true }],
      });
      updates.push(update);
    }
  }
  // Edits of each kind, so the fuzzer also has accepted edit requests to bend.
  const current = await api.expect<Row>(200, 'GET', `/api/pilots/${piloting.id}`);
  await api.expect(200, 'PATCH', `/api/pilots/${piloting.id}`, { summary: 'Drafts replies and routes cases.', costToDate: 45000.5, targetProductionDate: inDays(120), version: current.version });
  await api.expect(200, 'PATCH', `/api/business-units/${unit.id}`, { name: unique('Unit renamed'), version: unit.version });
  await api.expect(200, 'PATCH', `/api/people/${lead.id}`, { name: unique('Lead renamed'), version: lead.version });
  await api.expect(200, 'PATCH', `/api/kpis/${kpis[0].id}`, { target: 7, version: kpis[0].version });
  const edited = updates[updates.length - 1];
  await api.expect(200, 'PATCH', `/api/updates/${edited.id}`, { summary: 'Corrected: steady, one new blocker.', confidence: 4, version: edited.version });
  const [blocker] = await api.expect<Row[]>(200, 'GET', `/api/pilots/${piloting.id}/blockers?status=open`);
  if (blocker) {
    const resolved = await api.expect<Row>(200, 'POST', `/api/blockers/${blocker.id}/resolve`, { version: blocker.version, note: 'Access granted' });
    await api.expect(200, 'POST', `/api/blockers/${blocker.id}/reopen`, { version: resolved.version });
  }
  await api.expect(201, 'POST', `/api/pilots/${piloting.id}/decisions`, { kind: 'continue', rationale: 'Four more weeks of data', nextReviewDate: inDays(30) });
  const answers = Object.fromEntries(
    ['executive_sponsorship', 'integration_readiness', 'adoption_readiness', 'workflow_redesign', 'measurement', 'use_case_viability'].map((key, i) => [key, { answer: ['pass', 'partial', 'fail'][i % 3] }]),
  );
  await api.expect(201, 'POST', `/api/pilots/${scaling.id}/assessments`, { answers });
  await api.expect(201, 'POST', '/api/auth/tokens', { name: unique('Import script') });
  await api.expect(200, 'POST', '/api/sweeps');
}

/**
 * Tops up what accepted hostile deletes thinned out, as cheaply as possible: KPIs and updates on a pilot that is
 * still there; the whole portfolio again only when pilots ran short. Returns what it did, for the figures.
 */
export async function topUpPortfolio(api: ApiClient, pg: Pool): Promise<string | undefined> {
  const count = async (table: string) => (await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
  const { rows } = await pg.query<{ id: string }>(`SELECT id FROM pilots WHERE stage IN ('piloting', 'scaling') ORDER BY created_at LIMIT 1`);
  if ((await count('pilots')) < 4 || !rows[0]) {
    await buildPortfolio(api);
    return 'portfolio';
  }
  const done: string[] = [];
  if ((await count('kpis')) < 2) {
    for (const name of ['Handling time', 'Adoption']) await api.expect(201, 'POST', `/api/pilots/${rows[0].id}/kpis`, { name: unique(name), unit: 'minutes', baseline: 12, target: 8, direction: 'lower_is_better' });
    done.push('kpis');
  }
  if ((await count('weekly_updates')) < 3 || (await count('blockers')) < 2) {
    const { rows: taken } = await pg.query<{ week: string }>('SELECT week FROM weekly_updates WHERE pilot_id = $1', [rows[0].id]);
    const weeks = Array.from({ length: 150 }, (_, i) => weekAgo(i + 1)).filter((w) => !taken.some((t) => t.week === w)).slice(0, 3);
    for (const week of weeks) {
      await api.expect(201, 'POST', `/api/pilots/${rows[0].id}/updates`, {
        week, health: 'on_track', summary: 'Topped up.', confidence: 3, activeUsers: 9, activeUsersOutsideTeam: 1, scaleQuestionAsked: false, resourcesRedirected: false,
        blockers: [{ text: unique('Waiting on a data extract'), category: 'data', isNew: true }],
      });
    }
    done.push('updates');
  }
  return done.length ? done.join(' and ') : undefined;
}
