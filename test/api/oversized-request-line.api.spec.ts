import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A request line over the HTTP parser's limit is refused with an answer the client can read, also on a
 * keep-alive connection that already carried a request and while the client is still sending
 * (the fuzzer saw such requests fail as network errors).
 */
describe('requests refused by the HTTP parser', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  /** Sends the raw bytes and collects everything the server answers until it closes the connection. */
  function exchange(parts: string[]): Promise<{ text: string; error?: string }> {
    return new Promise((resolve) => {
      const socket: Socket = connect(port, '127.0.0.1');
      let text = '';
      let error: string | undefined;
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code));
      socket.on('close', () => resolve({ text, error }));
      socket.on('connect', async () => {
        for (const part of parts) {
          if (!socket.writable) break;
          socket.write(part);
          await new Promise((r) => setTimeout(r, 20));
        }
      });
    });
  }

  const huge = `/api/health/live?q=${'%C3%A9'.repeat(300_000)}`;

  it('a 1.8 MB request line on a new connection: 431 in the error shape, connection closed gently', async () => {
    const { text, error } = await exchange([`GET ${huge} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(error).toBeUndefined();
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ statusCode: 431, error: 'Request Header Fields Too Large' });
  });

  it('the same after an ordinary request on the same keep-alive connection', async () => {
    const { text, error } = await exchange([`GET /api/health/live HTTP/1.1\r\nHost: x\r\n\r\n`, `GET ${huge} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(error).toBeUndefined();
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/\r\n\r\n[^]*HTTP\/1\.1 431 /);
  });

  it('a request the parser cannot read: 400', async () => {
    const { text } = await exchange(['NONSENSE\r\n\r\n']);
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
  });
});
