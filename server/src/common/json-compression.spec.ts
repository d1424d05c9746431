import compression from 'compression';
import express from 'express';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { wholeJsonCompression } from './json-compression';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `pilot ${i}` })) };

function app() {
  const server = express();
  server.use(compression({ threshold: 1024 }));
  server.use(wholeJsonCompression(1024));
  server.get('/big', (_req, res) => res.json(big));
  server.get('/small', (_req, res) => res.json({ ok: true }));
  server.get('/text', (_req, res) => res.type('text/plain').send('x'.repeat(5000)));
  return server;
}

let server: Server;
beforeAll((done) => {
  server = app().listen(0, '127.0.0.1', done);
});
afterAll((done) => {
  server.close(done);
});

/** The response as sent (no client decoding it on the way). */
const raw = (path: string, encoding: string) =>
  new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
    const { port } = server.address() as AddressInfo;
    get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': encoding } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('end', () => done({ headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', fail);
  });

describe('wholeJsonCompression', () => {
  it('compresses a whole JSON body in one go, as compression would choose, with its length', async () => {
    const gzip = await raw('/big', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);
    expect(gzip.headers.vary).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(big);
    const br = await raw('/big', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(big);
  });

  it('leaves weighted codings, other codings, other types and small bodies to compression', async () => {
    for (const [path, encoding, expected] of [
      ['/big', 'gzip;q=1, br;q=0.5', 'gzip'],
      ['/big', 'deflate', 'deflate'],
      ['/big', 'identity', undefined],
      ['/text', 'gzip', 'gzip'],
      ['/small', 'gzip', undefined],
    ] as const) {
      const res = await raw(path, encoding);
      expect([path, encoding, res.headers['content-encoding']]).toEqual([path, encoding, expected]);
      if (expected) expect(res.headers['content-length']).toBeUndefined(); // the stream's chunks
    }
  });
});
