import request from 'supertest';
import { ensureProgramOfficeAccount } from '../../server/src/auth/accounts-bootstrap';
import { startTestApp, type TestApp } from './support/test-app';

const EMAIL = 'office@example.com';
const PASSWORD = 'correct horse battery';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100' });
    await ensureProgramOfficeAccount(t.dataSource, EMAIL, 'Office Admin', PASSWORD, false);
  });
  afterAll(() => t.close());

  const login = (password = PASSWORD, email = EMAIL) => t.anonymous.post('/api/auth/login').send({ email, password });

  it('signs in with an httpOnly SameSite session cookie and answers who is signed in', async () => {
    const res = await login().expect(200);
    expect(res.body).toMatchObject({ email: EMAIL, role: 'program_office' });
    const cookie = res.headers['set-cookie'][0];
    expect(cookie).toMatch(/^liftoff_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await t.anonymous.get('/api/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body.email).toBe(EMAIL);
  });

  it('answers a wrong password and an unknown email alike with 401', async () => {
    const wrong = await login('not it').expect(401);
    const unknown = await login(PASSWORD, 'nobody@example.com').expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('401 without credentials, 401 with a forged cookie', async () => {
    await t.anonymous.get('/api/pilots').expect(401);
    await t.anonymous.get('/api/pilots').set('Cookie', 'liftoff_session=forged-session-token').expect(401);
  });

  it('logout clears the cookie and ends the session, so the old cookie gets 401', async () => {
    const cookie = (await login().expect(200)).headers['set-cookie'][0].split(';')[0];
    const res = await t.anonymous.post('/api/auth/logout').set('Cookie', cookie).expect(204);
    expect(res.headers['set-cookie'][0]).toMatch(/liftoff_session=;/);
    await t.anonymous.get('/api/auth/me').set('Cookie', cookie).expect(401);
    await t.anonymous.post('/api/auth/logout').expect(204);
  });

  it('changes the password: old sessions stop working, the new password signs in', async () => {
    await ensureProgramOfficeAccount(t.dataSource, 'changer@example.com', 'Changer', PASSWORD, false);
    const old = (await login(PASSWORD, 'changer@example.com').expect(200)).headers['set-cookie'][0].split(';')[0];
    const bad = await t.anonymous.post('/api/auth/password').set('Cookie', old).send({ currentPassword: 'wrong one', newPassword: 'a much better password' }).expect(400);
    expect(bad.body.fieldErrors[0].field).toBe('currentPassword');
    const changed = await t.anonymous.post('/api/auth/password').set('Cookie', old).send({ currentPassword: PASSWORD, newPassword: 'a much better password' }).expect(204);
    const fresh = changed.headers['set-cookie'][0].split(';')[0];
    await t.anonymous.get('/api/auth/me').set('Cookie', old).expect(401);
    await t.anonymous.get('/api/auth/me').set('Cookie', fresh).expect(200);
    await login('a much better password', 'changer@example.com').expect(200);
  });

  it('issues API tokens shown once and stored hashed, and revokes them', async () => {
    const viewer = await t.as('viewer');
    const created = await viewer.post('/api/auth/tokens').send({ name: 'import script' }).expect(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^lft_/);
    const listed = await viewer.get('/api/auth/tokens').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const [{ token_hash }] = await t.dataSource.query('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.id]);
    expect(token_hash).not.toContain(token.slice(4));
    await request(t.app.getHttpServer()).get('/api/pilots').set('Authorization', `Bearer ${token}`).expect(200);
    await viewer.delete(`/api/auth/tokens/${created.body.id}`).expect(200);
    await request(t.app.getHttpServer()).get('/api/pilots').set('Authorization', `Bearer ${token}`).expect(401);
    await viewer.delete(`/api/auth/tokens/${created.body.id}`).expect(409);
    const other = await t.as('viewer');
    await other.delete(`/api/auth/tokens/${created.body.id}`).expect(404);
  });

  it('sends helmet security headers', async () => {
    const res = await t.anonymous.get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });


});

describe('sign-in rate limit', () => {
  it('throttles repeated sign-in attempts with 429', async () => {
    const t = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.anonymous.post('/api/auth/login').send({ email: EMAIL, password: 'guessing' })).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('throttles password changes and invite/reset link attempts the same way', async () => {
    const t = await startTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const viewer = await t.as('viewer');
      const changes: number[] = [];
      for (let i = 0; i < 4; i++) changes.push((await viewer.post('/api/auth/password').send({ currentPassword: 'guessing', newPassword: 'a long enough new phrase' })).status);
      expect(changes).toEqual([400, 400, 400, 429]);
      for (const [path, extra] of [['/api/auth/links/inspect', {}], ['/api/auth/links/accept', { password: 'a long enough new phrase' }]] as const) {
        const guesses: number[] = [];
        for (let i = 0; i < 4; i++) guesses.push((await t.anonymous.post(path).send({ token: `guess-${i}`, ...extra })).status);
        expect(guesses).toEqual([404, 404, 404, 429]);
      }
    } finally {
      await t.close();
    }
  });
});
