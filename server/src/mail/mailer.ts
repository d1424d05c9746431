import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Transporter } from 'nodemailer';
import type { AppConfig } from '../config/config.schema';

/** One email as Liftoff sends it: always both an HTML and a plain-text body. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** What the SMTP server said: the reply code, and whether trying again may help. */
export interface MailOutcome {
  ok: boolean;
  responseCode: number | null;
  error: string | null;
  retryable: boolean;
}

/** Where mail goes, for logs: scheme, host and port, never the user or password. */
export function describeSmtpUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
}

/** `250 2.0.0 Ok: queued` → 250. */
function replyCode(response: unknown): number | null {
  const match = typeof response === 'string' ? /^(\d{3})/.exec(response) : null;
  return match ? Number(match[1]) : null;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
}

/**
 * Outgoing email over SMTP_URL (nodemailer). Without SMTP_URL `enabled` is false and nothing is sent.
 * Every conversation has a time limit, so a hung server cannot hold a delivery worker or a request.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const url = config.get('SMTP_URL', { infer: true });
    const timeout = config.get('SMTP_TIMEOUT_MS', { infer: true });
    const publicHost = new URL(config.get('PUBLIC_URL', { infer: true })).hostname;
    this.from = config.get('MAIL_FROM', { infer: true }) ?? `Liftoff <liftoff@${publicHost.includes('.') ? publicHost : `${publicHost}.localdomain`}>`;
    this.transport = url
      ? loadNodemailer().createTransport({ url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout, logger: false, debug: false })
      : null;
    if (url) this.logger.log(`Email goes out through ${describeSmtpUrl(url)}`);
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; never throws: the outcome says what happened. */
  async send(message: MailMessage): Promise<MailOutcome> {
    if (!this.transport) return { ok: false, responseCode: null, error: 'Email is not configured (SMTP_URL is unset)', retryable: false };
    try {
      const info = (await this.transport.sendMail({ from: this.from, ...message })) as { response?: string; rejected?: unknown[] };
      if (info.rejected?.length) return { ok: false, responseCode: replyCode(info.response), error: 'The mail server refused the recipient', retryable: false };
      return { ok: true, responseCode: replyCode(info.response), error: null, retryable: false };
    } catch (caught) {
      const error = caught as SmtpError;
      const code = error.responseCode ?? null;
      // 5xx is permanent (an unknown mailbox, a refused sender); 4xx and lost connections may pass later.
      const retryable = code === null ? error.code !== 'EENVELOPE' : code < 500;
      return { ok: false, responseCode: code, error: readable(error), retryable };
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/** nodemailer's message without anything that could carry credentials. */
function readable(error: SmtpError): string {
  const text = (error.message || error.code || 'Sending failed').replace(/\/\/[^@\s/]*@/g, '//');
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** Loaded only when email is configured: nodemailer is a tenth of a second of every start otherwise. */
function loadNodemailer(): typeof import('nodemailer') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('nodemailer') as typeof import('nodemailer');
}
