import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@liftoff/shared';
import { startTestApp, type Http, type TestApp } from './support/test-app';

const ALL = ROLES;
const PO: Role[] = ['program_office'];
const PO_LEAD: Role[] = ['program_office', 'pilot_lead'];
const PO_EXEC: Role[] = ['program_office', 'executive'];

/**
 * Who may call what. Every route the application serves must appear here: a new route without an
 * entry fails the first test, and a route that declares no rule is closed (403) even to the office.
 */
const MATRIX: Record<string, readonly Role[] | 'public'> = {
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': ALL,
  'POST /api/auth/password': ALL,
  'GET /api/auth/tokens': ALL,
  'POST /api/auth/tokens': ALL,
  'DELETE /api/auth/tokens/:id': ALL,
  'GET /api/auth/sessions': ALL,
  'DELETE /api/auth/sessions/:id': ALL,
  'POST /api/auth/links/inspect': 'public',
  'POST /api/auth/links/accept': 'public',
  'GET /api/account/notifications': ALL,
  'PUT /api/account/notifications': ALL,
  'GET /api/notifications/unsubscribe': 'public',
  'POST /api/notifications/unsubscribe': 'public',
  'GET /api/business-units': ALL,
  'GET /api/business-units/:id': ALL,
  'POST /api/business-units': PO,
  'PATCH /api/business-units/:id': PO,
  'DELETE /api/business-units/:id': PO,
  'GET /api/people': ALL,
  'GET /api/people/:id': ALL,
  'POST /api/people': PO,
  'PATCH /api/people/:id': PO,
  'DELETE /api/people/:id': PO,
  'POST /api/people/invite': PO,
  'POST /api/people/:id/invite': PO,
  'POST /api/people/:id/password-reset': PO,
  'DELETE /api/people/:id/links': PO,
  'POST /api/people/:id/deactivate': PO,
  'POST /api/people/:id/reactivate': PO,
  'GET /api/pilots': ALL,
  'GET /api/pilots/:id': ALL,
  'POST /api/pilots': PO,
  'PATCH /api/pilots/:id': PO_LEAD,
  'DELETE /api/pilots/:id': PO,
  'POST /api/pilots/:id/stage': PO,
  'GET /api/pilots/:id/stage-changes': ALL,
  'GET /api/pilots/:pilotId/kpis': ALL,
  'POST /api/pilots/:pilotId/kpis': PO_LEAD,
  'GET /api/kpis/:id': ALL,
  'PATCH /api/kpis/:id': PO_LEAD,
  'DELETE /api/kpis/:id': PO_LEAD,
  'GET /api/updates': ALL,
  'GET /api/updates/:id': ALL,
  'PATCH /api/updates/:id': PO_LEAD,
  'GET /api/pilots/:pilotId/updates': ALL,
  'POST /api/pilots/:pilotId/updates': PO_LEAD,
  'GET /api/pilots/:pilotId/blockers': ALL,
  'GET /api/blockers': ALL,
  'POST /api/blockers/:id/resolve': PO_LEAD,
  'POST /api/blockers/:id/reopen': PO_LEAD,
  'GET /api/pilots/:pilotId/blocker-matches': ALL,
  'GET /api/blockers/:id/mentions': ALL,
  'POST /api/blockers/:id/merge': PO,
  'POST /api/blockers/:id/split': PO,
  'GET /api/settings': ALL,
  'PATCH /api/settings': PO,
  'GET /api/jobs': PO,
  'GET /api/flags': ALL,
  'GET /api/flags/by-pilot': ALL,
  'GET /api/pilots/:pilotId/flags': ALL,
  'GET /api/pilots/:pilotId/diagnosis': ALL,
  'GET /api/portfolio/summary': ALL,
  'GET /api/patterns/guidance': ALL,
  'POST /api/sweeps': PO,
  'GET /api/pilots/:pilotId/assessments': ALL,
  'POST /api/pilots/:pilotId/assessments': PO,
  'POST /api/pilots/:pilotId/decisions': PO_EXEC,
  'GET /api/pilots/:pilotId/decisions': ALL,
  'GET /api/decisions': ALL,
  'GET /api/decisions/outcomes': ALL,
  'GET /api/scale-queue': ALL,
  'GET /api/audit': PO,
  'GET /api/portfolio/overview': ALL,
  'GET /api/auth/sign-in-options': 'public',
  'GET /api/auth/sso/start': 'public',
  'GET /api/auth/sso/callback': 'public',
  'GET /api/settings/sso': PO,
  'PATCH /api/settings/sso': PO,
  'GET /api/settings/reminders': ALL,
  'PATCH /api/settings/reminders': PO,
  'GET /api/me/due-updates': ALL,
  'POST /api/imports/:kind/dry-run': PO,
  'POST /api/imports/:kind': PO,
  'GET /api/imports/:kind/template': PO,
  'GET /api/exports/pilots': PO,
  'GET /api/exports/weekly-updates': PO,
  'GET /api/exports/flags': ALL,
  'GET /api/exports/blockers': ALL,
  'GET /api/exports/decisions': ALL,
  'GET /api/exports/scale-queue': ALL,
  'GET /api/exports/audit': PO,
  'GET /api/packs': PO_EXEC,
  'GET /api/packs/:id': PO_EXEC,
  'POST /api/packs': PO,
  'GET /api/notification-channels': PO,
  'GET /api/notification-channels/:id': PO,
  'POST /api/notification-channels': PO,
  'PATCH /api/notification-channels/:id': PO,
  'POST /api/notification-channels/:id/rotate-secret': PO,
  'POST /api/notification-channels/:id/test': PO,
  'DELETE /api/notification-channels/:id': PO,
  'GET /api/deliveries': PO,
  'GET /api/settings/digest': PO,
  'PATCH /api/settings/digest': PO,
  'GET /api/digest/preview': PO_EXEC,
};

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** The application's routes as Express serves them (the OpenAPI document pages excluded). */
function discoverRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance();
  const stack: ExpressLayer[] = (express.router ?? express._router).stack;
  return stack
    .filter((layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .filter((layer) => Object.keys(layer.route!.methods).length === 1)
    .map((layer) => `${Object.keys(layer.route!.methods)[0].toUpperCase()} ${layer.route!.path}`);
}

describe('permission matrix', () => {
  let t: TestApp;
  const callers = new Map<Role, Http>();
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    callers.set('program_office', t.http);
    for (const role of ROLES.filter((r) => r !== 'program_office')) callers.set(role, await t.as(role));
  });
  afterAll(() => t.close());

  it('has a rule in the matrix for every route and no stale entries', () => {
    expect(discoverRoutes(t).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const send = (caller: Http | TestApp['anonymous'], route: string) => {
    const [method, path] = route.split(' ');
    const url = path.replace(/:\w+/g, () => randomUUID());
    const call = (caller as unknown as Record<string, (u: string) => { send(body: object): Promise<{ status: number; body: { message?: string } }> }>)[method.toLowerCase()](url);
    return call.send({});
  };

  it.each(Object.keys(MATRIX))('%s answers each role as the matrix says', async (route) => {
    const rule = MATRIX[route];
    const anonymous = await send(t.anonymous, route);
    if (rule === 'public') expect(anonymous.status).not.toBe(401);
    else expect(anonymous.status).toBe(401);
    for (const role of ROLES) {
      const res = await send(callers.get(role)!, route);
      if (rule === 'public' || rule.includes(role)) {
        expect({ role, denied: [401, 403].includes(res.status) }).toEqual({ role, denied: false });
      } else {
        expect({ role, status: res.status }).toEqual({ role, status: 403 });
        expect(res.body.message).toMatch(/needs the role/);
      }
    }
  });
});
