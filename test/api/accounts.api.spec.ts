import request from 'supertest';
import type { InvitedPerson, IssuedAccountLink, Person } from '@liftoff/shared';
import { ensureProgramOfficeAccount } from '../../server/src/auth/accounts-bootstrap';
import { countRows, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'orbit tangerine lantern';
let serial = 0;
const email = (name: string) => `${name}-${++serial}-${Date.now().toString(36)}@example.com`;

/**
 * The life of an account: invited, sets a password, signs in on several browsers, changes the
 * password, is deactivated and reactivated; every end of access holds on the very next request.
 */
describe('accounts: invites, resets, sessions and deactivation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
  });
  afterAll(() => t.close());

  const server = () => t.app.getHttpServer();
  const cookieFrom = (res: request.Response) => {
    const header = res.headers['set-cookie'] as unknown as string[] | undefined;
    const cookie = header?.find((c) => c.startsWith('liftoff_session='));
    if (!cookie) throw new Error('no session cookie was set');
    return cookie.split(';')[0];
  };
  const login = (address: string, password = PASSWORD) => request(server()).post('/api/auth/login').send({ email: address, password });
  const signIn = async (address: string, password = PASSWORD) => cookieFrom(await login(address, password).expect(200));
  const me = (cookie: string) => request(server()).get('/api/auth/me').set('Cookie', cookie);
  const withToken = (token: string) => request(server()).get('/api/pilots').set('Authorization', `Bearer ${token}`);
  const newToken = async (cookie: string) => (await request(server()).post('/api/auth/tokens').set('Cookie', cookie).send({ name: 'script' }).expect(201)).body.token as string;
  const invite = async (role: Person['role'] = 'pilot_lead') =>
    (await t.http.post('/api/people/invite').send({ name: 'Invited Person', email: email('invited'), role }).expect(201)).body as InvitedPerson;
  const tokenOf = (link: IssuedAccountLink) => link.token;
  const inspect = (token: string) => request(server()).post('/api/auth/links/inspect').send({ token });
  const accept = (token: string, password = PASSWORD) => request(server()).post('/api/auth/links/accept').send({ token, password });
  /** A person with a password, signed in on two browsers. */
  const personWithSessions = async () => {
    const { person, link } = await invite();
    const first = cookieFrom(await accept(tokenOf(link)).expect(200));
    const second = await signIn(person.email);
    return { person, first, second };
  };

  describe('sessions', () => {
    it('logout ends the session on the server: the old cookie gets 401, other sessions live on', async () => {
      const { first, second } = await personWithSessions();
      await me(first).expect(200);
      await request(server()).post('/api/auth/logout').set('Cookie', first).expect(204);
      await me(first).expect(401);
      await me(second).expect(200);
    });

    it('keeps only the hash of the session token', async () => {
      const { person, first } = await personWithSessions();
      const rows: { token_hash: string }[] = await t.dataSource.query('SELECT token_hash FROM sessions WHERE person_id = $1', [person.id]);
      const token = decodeURIComponent(first.split('=')[1]);
      expect(rows.length).toBe(2);
      for (const row of rows) expect(row.token_hash).not.toContain(token);
    });

    it('lists my sessions, marks the current one, and ends another', async () => {
      const { first, second } = await personWithSessions();
      const listed = await request(server()).get('/api/auth/sessions').set('Cookie', first).set('User-Agent', 'Liftoff test').expect(200);
      expect(listed.body).toHaveLength(2);
      const current = listed.body.find((s: { current: boolean }) => s.current);
      const other = listed.body.find((s: { current: boolean }) => !s.current);
      expect(current).toBeDefined();
      await request(server()).delete(`/api/auth/sessions/${other.id}`).set('Cookie', first).expect(204);
      await me(second).expect(401);
      await me(first).expect(200);
      await request(server()).delete(`/api/auth/sessions/${other.id}`).set('Cookie', first).expect(409);
      // Someone else's session is not mine to end.
      const stranger = await personWithSessions();
      await request(server()).delete(`/api/auth/sessions/${current.id}`).set('Cookie', stranger.first).expect(404);
    });

    it('an expired session is refused', async () => {
      const { person, first } = await personWithSessions();
      await t.dataSource.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE person_id = $1", [person.id]);
      await me(first).expect(401);
    });

    it('a password change ends the other sessions and revokes every API token; the caller gets a new session', async () => {
      const { person, first, second } = await personWithSessions();
      const token = await newToken(second);
      await withToken(token).expect(200);
      const changed = await request(server()).post('/api/auth/password').set('Cookie', first).send({ currentPassword: PASSWORD, newPassword: 'a different long phrase' }).expect(204);
      const fresh = cookieFrom(changed);
      await me(second).expect(401);
      await me(first).expect(401);
      await withToken(token).expect(401);
      await me(fresh).expect(200);
      await login(person.email).expect(401);
      await login(person.email, 'a different long phrase').expect(200);
    });

    it('refuses a short or common new password with 400 naming the field, and changes nothing', async () => {
      const { person, first } = await personWithSessions();
      for (const newPassword of ['short', 'password1234', 'qwertyuiop123']) {
        const res = await request(server()).post('/api/auth/password').set('Cookie', first).send({ currentPassword: PASSWORD, newPassword }).expect(400);
        expect(res.body.fieldErrors).toEqual([{ field: 'newPassword', messages: [expect.stringMatching(/at least 12|most common/)] }]);
      }
      await me(first).expect(200);
      await login(person.email).expect(200);
    });
  });

  describe('invites', () => {
    it('creates the person with a single-use link shown once; the hash alone is stored', async () => {
      const { person, link } = await invite('executive');
      expect(person).toMatchObject({ role: 'executive', active: true, hasPassword: false, pendingLink: { kind: 'invite', expiresAt: link.expiresAt } });
      expect(link.path).toBe(`/welcome#token=${encodeURIComponent(link.token)}`);
      const days = (Date.parse(link.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThanOrEqual(7);
      const [stored] = await t.dataSource.query('SELECT token_hash FROM account_links WHERE id = $1', [link.id]);
      expect(stored.token_hash).toHaveLength(64);
      expect(stored.token_hash).not.toContain(link.token);
      const listed = await t.http.get(`/api/people/${person.id}`).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(link.token);
    });

    it('says who the link is for; accepting sets the password and signs in; the link works once', async () => {
      const { person, link } = await invite();
      expect((await inspect(link.token).expect(200)).body).toEqual({ kind: 'invite', name: 'Invited Person', email: person.email, expiresAt: link.expiresAt, status: 'valid' });
      const accepted = await accept(link.token).expect(200);
      expect(accepted.body).toMatchObject({ id: person.id, email: person.email, role: 'pilot_lead' });
      await me(cookieFrom(accepted)).expect(200);
      expect((await inspect(link.token).expect(200)).body.status).toBe('used');
      const again = await accept(link.token, 'another long phrase').expect(410);
      expect(again.body.message).toMatch(/already been used/);
      await login(person.email).expect(200);
      await login(person.email, 'another long phrase').expect(401);
      expect((await t.http.get(`/api/people/${person.id}`).expect(200)).body).toMatchObject({ hasPassword: true, pendingLink: null });
    });

    it('two people racing with the same link: exactly one sets the password', async () => {
      const { person, link } = await invite();
      const results = await Promise.all([accept(link.token, 'first racer passphrase'), accept(link.token, 'second racer passphrase')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
      const winner = results[0].status === 200 ? 'first racer passphrase' : 'second racer passphrase';
      await login(person.email, winner).expect(200);
    });

    it('an expired invite is refused (clock moved by editing the stored expiry)', async () => {
      const { person, link } = await invite();
      await t.dataSource.query("UPDATE account_links SET expires_at = now() - interval '1 second' WHERE id = $1", [link.id]);
      expect((await inspect(link.token).expect(200)).body.status).toBe('expired');
      const res = await accept(link.token).expect(410);
      expect(res.body.message).toMatch(/expired/);
      await login(person.email).expect(401);
    });

    it('an unknown token is 404, and a bad body 400 naming the field', async () => {
      await inspect('not-a-real-token').expect(404);
      await accept('not-a-real-token').expect(404);
      const bad = await request(server()).post('/api/auth/links/accept').send({ password: PASSWORD }).expect(400);
      expect(bad.body.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['token']);
    });

    it('refuses a short or common password with 400 naming the field and leaves the link usable', async () => {
      const { link } = await invite();
      const short = await accept(link.token, 'too short').expect(400);
      expect(short.body.fieldErrors).toEqual([{ field: 'password', messages: [expect.stringMatching(/at least 12 characters/)] }]);
      const common = await accept(link.token, 'password1234').expect(400);
      expect(common.body.fieldErrors).toEqual([{ field: 'password', messages: [expect.stringMatching(/most common passwords/)] }]);
      expect((await inspect(link.token).expect(200)).body.status).toBe('valid');
      await accept(link.token).expect(200);
    });

    it('resend issues a new link and kills the old one; revoke withdraws it', async () => {
      const { person, link } = await invite();
      const resent = (await t.http.post(`/api/people/${person.id}/invite`).expect(201)).body as IssuedAccountLink;
      expect(resent.token).not.toBe(link.token);
      expect((await inspect(link.token).expect(200)).body.status).toBe('revoked');
      await accept(link.token).expect(410);
      const revoked = await t.http.delete(`/api/people/${person.id}/links`).expect(200);
      expect(revoked.body.pendingLink).toBeNull();
      await accept(resent.token).expect(410);
      await t.http.delete(`/api/people/${person.id}/links`).expect(409);
    });

    it('only the program office invites; a duplicate email is 409 and creates nothing', async () => {
      const lead = await t.as('pilot_lead');
      await lead.post('/api/people/invite').send({ name: 'X', email: email('x'), role: 'viewer' }).expect(403);
      const { person } = await invite();
      const before = await countRows(t.dataSource, 'account_links');
      await t.http.post('/api/people/invite').send({ name: 'Twin', email: person.email, role: 'viewer' }).expect(409);
      const bad = await t.http.post('/api/people/invite').send({ name: 'No role', email: email('norole') }).expect(400);
      expect(bad.body.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['role']);
      expect(await countRows(t.dataSource, 'account_links')).toBe(before);
    });

    it('an invite cannot be resent to someone who already set a password', async () => {
      const { person } = await personWithSessions();
      const res = await t.http.post(`/api/people/${person.id}/invite`).expect(409);
      expect(res.body.message).toMatch(/password-reset link/);
    });
  });

  describe('password reset links', () => {
    it('sets a new password, ends every session and token, and works once', async () => {
      const { person, first } = await personWithSessions();
      const token = await newToken(first);
      const reset = (await t.http.post(`/api/people/${person.id}/password-reset`).expect(201)).body as IssuedAccountLink;
      expect(reset.kind).toBe('reset');
      // Issuing the link alone changes nothing: the old password still works until it is used.
      await me(first).expect(200);
      expect((await inspect(reset.token).expect(200)).body).toMatchObject({ kind: 'reset', email: person.email, status: 'valid' });
      const accepted = await accept(reset.token, 'a freshly reset phrase').expect(200);
      await me(first).expect(401);
      await withToken(token).expect(401);
      await me(cookieFrom(accepted)).expect(200);
      await login(person.email).expect(401);
      await login(person.email, 'a freshly reset phrase').expect(200);
      await accept(reset.token, 'yet another long phrase').expect(410);
    });

    it('404 for an unknown person', async () => {
      await t.http.post('/api/people/00000000-0000-4000-8000-000000000000/password-reset').expect(404);
    });
  });

  describe('deactivation', () => {
    it('ends sessions and tokens at once, blocks sign-in and links, and keeps the person in the history', async () => {
      const { person, first, second } = await personWithSessions();
      const token = await newToken(first);
      const reset = (await t.http.post(`/api/people/${person.id}/password-reset`).expect(201)).body as IssuedAccountLink;
      const res = await t.http.post(`/api/people/${person.id}/deactivate`).expect(200);
      expect(res.body).toMatchObject({ id: person.id, active: false, deactivatedAt: expect.any(String) });
      await me(first).expect(401);
      await me(second).expect(401);
      await withToken(token).expect(401);
      await login(person.email).expect(401);
      await accept(reset.token, 'a freshly reset phrase').expect(410);
      await t.http.post(`/api/people/${person.id}/password-reset`).expect(409);
      await t.http.post(`/api/people/${person.id}/deactivate`).expect(409);
      // Still readable by id, gone from the pickers' list, present in the full list.
      await t.http.get(`/api/people/${person.id}`).expect(200);
      const active = await t.http.get('/api/people?active=true&pageSize=200').expect(200);
      expect(active.body.items.map((p: Person) => p.id)).not.toContain(person.id);
      const inactive = await t.http.get('/api/people?active=false&pageSize=200').expect(200);
      expect(inactive.body.items.map((p: Person) => p.id)).toContain(person.id);
      await t.http.get('/api/people?active=maybe').expect(400);
    });

    it('reactivation lets them sign in again with their password; old tokens stay revoked', async () => {
      const { person, first } = await personWithSessions();
      const token = await newToken(first);
      await t.http.post(`/api/people/${person.id}/deactivate`).expect(200);
      const back = await t.http.post(`/api/people/${person.id}/reactivate`).expect(200);
      expect(back.body).toMatchObject({ active: true, deactivatedAt: null });
      await me(first).expect(401);
      await withToken(token).expect(401);
      await login(person.email).expect(200);
      await t.http.post(`/api/people/${person.id}/reactivate`).expect(409);
    });

    it('a deactivated person cannot be made a lead or sponsor, but a pilot they already lead stays editable', async () => {
      const unit = (await t.http.post('/api/business-units').send({ name: `Unit ${email('u')}` }).expect(201)).body as { id: string };
      const lead = (await invite('pilot_lead')).person;
      const sponsor = (await invite('executive')).person;
      const pilotBody = { name: `Pilot ${email('p')}`, useCaseCategory: 'customer_service', startDate: '2026-06-01', complexity: 'typical', annualValueAtScale: 1000, costToScale: 100, businessUnitId: unit.id };
      const pilot = (await t.http.post('/api/pilots').send({ ...pilotBody, leadId: lead.id, sponsorId: sponsor.id }).expect(201)).body as { id: string; version: number };
      await t.http.post(`/api/people/${lead.id}/deactivate`).expect(200);
      await t.http.post(`/api/people/${sponsor.id}/deactivate`).expect(200);
      const refused = await t.http.post('/api/pilots').send({ ...pilotBody, name: `Pilot ${email('p')}`, leadId: lead.id }).expect(400);
      expect(refused.body.fieldErrors).toEqual([{ field: 'leadId', messages: [expect.stringMatching(/is deactivated/)] }]);
      const other = await invite('executive');
      await t.http.patch(`/api/pilots/${pilot.id}`).send({ version: pilot.version, leadId: lead.id, summary: 'Still led by the same person' }).expect(200);
      const swap = await t.http.patch(`/api/pilots/${pilot.id}`).send({ version: pilot.version + 1, sponsorId: other.person.id }).expect(200);
      const back = await t.http.patch(`/api/pilots/${pilot.id}`).send({ version: swap.body.version, sponsorId: sponsor.id }).expect(400);
      expect(back.body.fieldErrors[0].field).toBe('sponsorId');
    });

    it('the program office cannot deactivate itself, and other roles cannot deactivate anyone', async () => {
      const self = (await t.http.get('/api/auth/me').expect(200)).body as Person;
      await t.http.post(`/api/people/${self.id}/deactivate`).expect(409);
      const { person } = await personWithSessions();
      const viewer = await t.as('viewer');
      await viewer.post(`/api/people/${person.id}/deactivate`).expect(403);
    });
  });

  it('the create-admin path reactivates the admin and signs out whoever held the old password', async () => {
    const address = email('admin');
    await ensureProgramOfficeAccount(t.dataSource, address, 'Admin', PASSWORD, false);
    const cookie = await signIn(address);
    await ensureProgramOfficeAccount(t.dataSource, address, 'Admin', 'a recovered admin phrase', true);
    await me(cookie).expect(401);
    await signIn(address, 'a recovered admin phrase');
  });
});
