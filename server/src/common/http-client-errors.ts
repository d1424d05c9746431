import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long a refused connection may keep sending before it is cut. */
const DRAIN_MS = 5_000;

/**
 * Requests Node's HTTP parser refuses before the app sees them (a request line or headers over the size limit,
 * malformed framing) get a real answer: 431 or 400, then the connection is closed gently. Node's own handling
 * resets the connection while the client is still sending (or answers nothing on a reused keep-alive
 * connection), which a client reports as a network failure instead of a refusal.
 */
export function answerRefusedRequests(server: Server): void {
  const answered = new WeakSet<Socket>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // The parser keeps failing on the bytes drained after the answer: the connection is already closing.
    if (answered.has(socket)) return;
    if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify({
      statusCode: tooLarge ? 431 : 400,
      error: tooLarge ? 'Request Header Fields Too Large' : 'Bad Request',
      message: tooLarge ? 'The address or the headers of the request are too long.' : 'The request could not be read as HTTP.',
    });
    answered.add(socket);
    socket.on('error', () => socket.destroy());
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    // Read and drop what the client is still sending, so closing does not reset the connection under its answer.
    socket.resume();
    setTimeout(() => socket.destroy(), DRAIN_MS).unref();
  });
}
