import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../server/src/app.module';
import { configureApp } from '../../server/src/app.setup';
import { AuthService } from '../../server/src/auth/auth.service';
import { acceptedEncodings } from '../../server/src/client-assets/client-assets';
import { DemoSeeder } from '../../server/src/database/seed/demo-seeder';
import { Person } from '../../server/src/people/person.entity';
import { createTestDatabase, type TestDatabase } from './support/test-database';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body arrives exactly as sent: no client here decodes anything behind the test's back. */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const CHROME = 'gzip, deflate, br, zstd';

describe('static assets and response compression', () => {
  let app: INestApplication;
  let db: TestDatabase;
  let port: number;
  let clientDir: string;
  let token: string;
  // Long and repetitive, like a real bundle, so both encodings shrink it a lot.
  const script = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const value${i} = ${i} * 2;\n`).join(''));
  const html = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body></body></html>';

  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), 'liftoff-assets-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), html);
    writeFileSync(join(clientDir, 'assets', 'index-Ab12Cd34.js'), script);
    writeFileSync(join(clientDir, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(script));
    writeFileSync(join(clientDir, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(script));
    writeFileSync(join(clientDir, 'assets', 'tiny-Zz99Yy88.css'), 'body{margin:0}');
    db = await createTestDatabase();
    Object.assign(process.env, { LOG_LEVEL: 'silent', SEED_DEMO: 'false', NODE_ENV: 'test', SWEEP_ENABLED: 'false', CLIENT_DIST_DIR: clientDir }, db.env);
    // Created as main.ts creates it: the static module picks its loader from the HTTP adapter, which a
    // testing module does not have yet when it compiles.
    app = await NestFactory.create(AppModule.forRoot(), { logger: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    const manager = app.get(DataSource).manager;
    const admin = await manager.save(manager.create(Person, { name: 'Compression admin', email: `compression-${Date.now()}@example.com`, role: 'program_office', businessUnitId: null }));
    token = (await app.get(AuthService).createToken(admin.id, { name: 'compression test' })).token;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    delete process.env.CLIENT_DIST_DIR;
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that takes brotli, cached for a year', async () => {
    const res = await rawGet(port, '/assets/index-Ab12Cd34.js', { 'Accept-Encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true);
  });

  it('sends the gzip file when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await rawGet(port, '/assets/index-Ab12Cd34.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gz.body).equals(script)).toBe(true);

    const plain = await rawGet(port, '/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.body.equals(script)).toBe(true);
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await new Promise<RawResponse>((done, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/assets/index-Ab12Cd34.js', method: 'HEAD', headers: { 'Accept-Encoding': 'br' } }, (r) => {
        r.resume();
        r.on('end', () => done({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.alloc(0) }));
      });
      req.on('error', fail);
      req.end();
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('serves a hashed file without a compressed variant as it is, still immutable', async () => {
    const res = await rawGet(port, '/assets/tiny-Zz99Yy88.css', { 'Accept-Encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body.toString()).toBe('body{margin:0}');
  });

  it('never lets index.html be cached without asking, at / and at client routes, with the security headers', async () => {
    for (const path of ['/', '/index.html', '/pilots/123']) {
      const res = await rawGet(port, path, { 'Accept-Encoding': CHROME });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body.toString()).toBe(html);
    }
  });

  it('compresses a large API answer and leaves a small one alone', async () => {
    await app.get(DemoSeeder).seedIfEmpty();
    const auth = { Authorization: `Bearer ${token}` };
    const plain = await rawGet(port, '/api/pilots?pageSize=100', auth);
    expect(plain.status).toBe(200);
    expect(plain.body.length).toBeGreaterThan(10_000);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await rawGet(port, '/api/pilots?pageSize=100', { ...auth, 'Accept-Encoding': CHROME });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));

    const gz = await rawGet(port, '/api/pilots?pageSize=100', { ...auth, 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(JSON.parse(plain.body.toString()));

    const health = await rawGet(port, '/api/health', { 'Accept-Encoding': CHROME });
    expect(health.status).toBe(200);
    expect(health.body.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});

describe('Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['br;q=0, gzip;q=0.5', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*, gzip;q=0', ['br']],
    ['identity', []],
    ['', []],
    [undefined, []],
  ])('%p allows %p', (header, expected) => {
    expect([...acceptedEncodings(header)]).toEqual(expected);
  });
});
