import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IssuedAccountLink } from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import { escapeHtml } from '../notifications/email/email-layout';
import { Mailer } from './mailer';

const ATTEMPTS = 3;
const PAUSE_MS = 500;

/**
 * Emails an invite or password-reset link straight after the write that issued it committed. Not through
 * the outbox: the token may be kept nowhere, so it lives only in this call and in the email. A few quick
 * tries; if they all fail the program office still has the link on screen to hand over.
 */
@Injectable()
export class AccountLinkMailer {
  private readonly logger = new Logger('AccountLinkMailer');

  constructor(
    private readonly mailer: Mailer,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The link, saying whether it was emailed. */
  async deliver(person: { name: string; email: string }, link: IssuedAccountLink): Promise<IssuedAccountLink> {
    if (!this.mailer.enabled) return { ...link, mailed: false };
    const message = this.compose(person, link);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const outcome = await this.mailer.send(message);
      if (outcome.ok) return { ...link, mailed: true };
      this.logger.warn(`The ${link.kind} link for person ${link.personId} could not be emailed (try ${attempt}): ${outcome.error}`);
      if (!outcome.retryable) break;
      if (attempt < ATTEMPTS) await sleep(PAUSE_MS * attempt);
    }
    return { ...link, mailed: false };
  }

  private compose(person: { name: string; email: string }, link: IssuedAccountLink) {
    const url = new URL(link.path, this.config.get('PUBLIC_URL', { infer: true })).toString();
    const expires = link.expiresAt.slice(0, 10);
    const invite = link.kind === 'invite';
    const subject = invite ? 'You are invited to Liftoff' : 'Set a new Liftoff password';
    const lines = invite
      ? [`Hello ${person.name},`, 'The program office added you to Liftoff, where the AI pilots of the company are tracked. Choose your password to get started:']
      : [`Hello ${person.name},`, 'The program office issued a link to set a new password for your Liftoff account:'];
    const after = `The link works once and until ${expires}. If you did not expect this email, you can ignore it.`;
    const text = `${lines.join('\n\n')}\n\n${url}\n\n${after}\n`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:0 auto;padding:16px">
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(url)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${invite ? 'Choose your password' : 'Set a new password'}</a></p>
<p style="font-size:13px;color:#4b5563">Or open this address: ${escapeHtml(url)}</p>
<p style="font-size:13px;color:#4b5563">${escapeHtml(after)}</p>
</body></html>`;
    return { to: person.email, subject, text, html };
  }
}
