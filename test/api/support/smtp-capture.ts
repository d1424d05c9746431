import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export interface SmtpCapture {
  url: string;
  messages: ParsedMail[];
  /** Envelope recipients of each accepted message, in order. */
  envelopes: string[][];
  /** Resolves with the next message (or one already received after `from`). */
  nextMessage(from?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** Recipients at this domain are refused with 550, as a server does for an unknown mailbox. */
export const UNKNOWN_DOMAIN = 'nowhere.invalid';

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith(`@${UNKNOWN_DOMAIN}`)) {
        const error = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          envelopes.push(session.envelope.rcptTo.map((r) => r.address));
          waiting.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  let closed: Promise<void> | null = null;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    envelopes,
    nextMessage: async (from = messages.length) => {
      const deadline = Date.now() + 10_000;
      while (messages.length <= from) {
        if (Date.now() > deadline) throw new Error('no email arrived within 10 s');
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return messages[from];
    },
    close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
