/**
 * Cold overview transfer: the embedded demo served by the built server (`npm run build` first), the
 * portfolio overview opened signed in by headless Chromium with an empty cache. Prints the bytes on the
 * wire of every response of that load (document, scripts, styles, API calls: headers and encoded
 * bodies, as the devtools protocol counts them) against a floor: the same bodies gzipped at level 9 by
 * node:zlib, without headers. The target is a transfer of at most 300 KB.
 *
 *   npm run bench -- cold-overview
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { startServer, stopAllServers } from '../support/server-process';

const CHROMIUM = '/usr/bin/chromium';
const TARGET_BYTES = 300 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Transfer {
  url: string;
  /** Bytes on the wire: headers plus the encoded body. */
  encoded: number;
  /** Body bytes after decoding. */
  decoded: number;
  encoding: string;
}

/** The body as the server sends it uncompressed, with the browser's cookie. */
function identityBody(url: string, cookie: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { headers: { 'Accept-Encoding': 'identity', Cookie: cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.headers['content-encoding'] ? fail(new Error(`${url} came encoded although identity was asked`)) : done(Buffer.concat(chunks))));
    });
    req.on('error', fail);
    req.end();
  });
}

async function coldLoad(browser: Browser, baseUrl: string, storageState: string): Promise<Transfer[]> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, storageState: JSON.parse(storageState) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map<string, Transfer>();
  cdp.on('Network.responseReceived', (e) => {
    const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? 'none';
    requests.set(e.requestId, { url: e.response.url, encoded: 0, decoded: 0, encoding });
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.encoded = e.encodedDataLength;
  });
  await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
  // The overview is on screen: tiles, all six charts, the oldest-blockers table, nothing loading.
  await page.waitForFunction(
    () => document.querySelectorAll('.tile-value').length >= 5 && document.querySelectorAll('.recharts-surface').length >= 6
      && !!document.getElementById('oldest-blockers') && !document.querySelector('[aria-busy="true"]'),
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...requests.values()];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liftoff-bench-overview-'));
  let browser: Browser | null = null;
  try {
    const server = await startServer({ DATABASE_URL: undefined, DATA_DIR: join(dataDir, 'data'), SEED_DEMO: undefined }, 300_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const signIn = await browser.newContext();
    const office = DEMO_ACCOUNTS.find((a) => a.role === 'program_office')!;
    const login = await signIn.request.post(`${server.baseUrl}/api/auth/login`, { data: { email: office.email, password: office.password } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const state = await signIn.storageState();
    const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await signIn.close();

    const transfers = await coldLoad(browser, server.baseUrl, JSON.stringify(state));
    let encoded = 0;
    let floor = 0;
    let raw = 0;
    for (const t of transfers) {
      const body = await identityBody(t.url, cookie);
      // The floor gzips exactly what the browser received: same bytes once decoded.
      if (body.length !== t.decoded) throw new Error(`${t.url}: the browser decoded ${t.decoded} B, the server sends ${body.length} B uncompressed`);
      const gzipped = gzipSync(body, { level: 9 }).length;
      encoded += t.encoded;
      floor += gzipped;
      raw += body.length;
      console.log(`  ${String(t.encoded).padStart(7)} B on the wire (${t.encoding.padEnd(4)}) ${String(gzipped).padStart(7)} B gzip -9 ${String(body.length).padStart(7)} B raw  ${new URL(t.url).pathname}`);
    }
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`cold overview: ${transfers.length} responses, ${kb(encoded)} on the wire (raw bodies ${kb(raw)})`);
    console.log(`floor (the same bodies gzip -9, no headers): ${kb(floor)}; ratio ${(encoded / floor).toFixed(2)}`);
    console.log(`target <= ${kb(TARGET_BYTES)}: ${encoded <= TARGET_BYTES ? 'met' : 'MISSED'}`);
    if (encoded > TARGET_BYTES) process.exitCode = 1;
  } finally {
    await browser?.close();
    await stopAllServers();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
